// Shared test fixtures: the project's folders, a loaded workspace, and golden-file comparison.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
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

/** A PDF's text in content order, pages separated by form feeds. */
export const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 << 20 });
/** A PDF's page count. */
export const pdfPages = (pdf: Buffer) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' }))![1]);
/** The page a text first appears on (1-based; 0 when absent), from the form feeds pdftotext puts between pages. */
export const pageOf = (pdf: Buffer, text: string) => pdfText(pdf).split('\f').findIndex((page) => page.replace(/\s+/g, '').includes(text)) + 1;
/** The page (1-based; 0 when absent) with a line that reads exactly `line`: a heading, not a mention in a sentence. */
export const pageOfLine = (pdf: Buffer, line: string) => pdfText(pdf).split('\f').findIndex((page) => page.split('\n').some((l) => l.trim() === line)) + 1;
