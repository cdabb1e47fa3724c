// Shared test fixtures: the project's folders, a loaded workspace, and golden-file comparison.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../src/data/load.js';
import { loadFonts } from '../src/fonts/fonts.js';
import type { Workspace } from '../src/pipeline.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA = join(ROOT, 'data');
export const TEMPLATES = join(ROOT, 'templates');
export const FONTS = join(ROOT, 'fonts');

let cached: Workspace | undefined;
export function workspace(): Workspace {
  cached ??= { data: loadDataset(DATA), fonts: loadFonts(FONTS), templatesDir: TEMPLATES };
  return cached;
}

/** A scratch copy of data/ to break on purpose. */
export function scratchData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-test-'));
  cpSync(DATA, join(dir, 'data'), { recursive: true });
  return join(dir, 'data');
}

/** Compares text with test/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead. */
export function assertGolden(name: string, actual: string): void {
  const file = join(ROOT, 'test', 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) assert.fail(`golden file ${name} is missing`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `output differs from test/golden/${name} (UPDATE_GOLDEN=1 npm test to accept)`);
}
