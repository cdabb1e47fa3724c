// Writes output files atomically: all to temporary names first, then renamed into place together.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

/** Nothing is renamed into place until every file has been written in full. */
export function writeFilesAtomically(files: { path: string; data: Buffer }[]): void {
  const temporary: { tmp: string; path: string }[] = [];
  try {
    for (const { path, data } of files) {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      temporary.push({ tmp, path });
      writeFileSync(tmp, data);
    }
  } catch (e) {
    for (const { tmp } of temporary) rmSync(tmp, { force: true });
    throw e;
  }
  for (const { tmp, path } of temporary) renameSync(tmp, path);
}
