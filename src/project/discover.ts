// Finds the project a command works on: the nearest briefing.yaml from the working directory upwards.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const SETTINGS_FILE = 'briefing.yaml';

/** The folder holding briefing.yaml: `start` itself or its nearest parent that has one; undefined if none. */
export function findProjectRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const file = join(dir, SETTINGS_FILE);
    if (existsSync(file) && statSync(file).isFile()) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
