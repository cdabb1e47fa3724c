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
/** Each page's own text: without the running header and the page number, which pdftotext gives after a page's text. */
export function pageBodies(pdf: Buffer): string[] {
  const pages = pdfText(pdf).split('\f');
  const onPages = new Map<string, number>();
  for (const page of pages) for (const line of new Set(page.split('\n'))) onPages.set(line, (onPages.get(line) ?? 0) + 1);
  const running = (line: string) => pages.length > 3 && (onPages.get(line) ?? 0) >= pages.length - 2;
  return pages.map((page) => page.split('\n').filter((line) => !running(line) && !/Page \d+ of \d+|第\d+页/.test(line)).join('\n'));
}

/**
 * How full each page's text area is (0 to 1): the lowest text line's bottom, measured from the text area's top (taken
 * as the highest first line of any page), against the lowest bottom on any page. The page number's line is left out.
 */
export function pageFills(pdf: Buffer): number[] {
  const html = execFileSync('pdftotext', ['-bbox', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages = html.split('<page ').slice(1).map((page) => {
    const height = Number(/height="([\d.]+)"/.exec(page)![1]);
    const words = [...page.matchAll(/yMin="([\d.]+)" [^>]*yMax="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    // The running header and the page number stand in the margins: outside the middle 86% of the page.
    const body = words.filter(([top, bottom]) => top > height * 0.07 && bottom < height * 0.93);
    return { top: Math.min(...body.map(([t]) => t)), bottom: Math.max(...body.map(([, b]) => b)) };
  });
  const top = Math.min(...pages.map((p) => p.top));
  const bottom = Math.max(...pages.map((p) => p.bottom));
  return pages.map((p) => (Number.isFinite(p.bottom) ? (p.bottom - top) / (bottom - top) : 0));
}
