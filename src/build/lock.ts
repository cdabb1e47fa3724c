// One build at a time per output folder: a lock file holding the builder's process id.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../diagnostics.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes the lock or fails naming the other build; a lock left by a dead process is taken over. */
export function acquireLock(outDir: string): () => void {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, '.build.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch {
      const pid = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) fail('buildLocked', undefined, path, String(pid));
      rmSync(path, { force: true });
    }
  }
  return fail('buildLocked', undefined, path, 'unknown');
}
