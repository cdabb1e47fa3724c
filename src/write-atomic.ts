// Writes output files atomically: all to temporary names first, then renamed into place together.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fail } from './diagnostics.js';

/** Writes `data` in full to a new file and flushes it to disk. */
function writeDurably(path: string, data: Buffer): void {
  const fd = openSync(path, 'wx');
  try {
    for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Nothing is renamed into place until every file has been written in full; a file that cannot be written (full disk,
 * read-only folder, a file where a folder should be) fails with one error and leaves no temporary file behind.
 * A process killed at any moment leaves each file either as it was or complete, never partly written.
 */
export function writeFilesAtomically(files: { path: string; data: Buffer }[]): void {
  const temporary: { tmp: string; path: string }[] = [];
  let writing = '';
  try {
    for (const { path, data } of files) {
      writing = path;
      mkdirSync(dirname(path), { recursive: true });
      const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      rmSync(tmp, { force: true });
      temporary.push({ tmp, path });
      writeDurably(tmp, data);
    }
    for (const { tmp, path } of temporary) {
      writing = path;
      renameSync(tmp, path);
    }
  } catch (e) {
    for (const { tmp } of temporary) rmSync(tmp, { force: true });
    fail('outputUnwritable', { file: writing }, (e as Error).message);
  }
}
