// Style settings: styles.yaml chooses the built-in gbt9704 preset (GB/T 9704-2012 layout and faces); the default stays as it was.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { DiagnosticError } from '../src/diagnostics.js';
import { familyOf, loadFonts } from '../src/fonts/fonts.js';
import { briefingPlan, composeAll, renderPlan, type ComposedDocument, type RenderedFile, type Workspace } from '../src/pipeline.js';
import { loadStyle } from '../src/project/style-settings.js';
import { pdfDefinition } from '../src/render/pdf.js';
import { DEFAULT_STYLE, familiesOf, GBT9704_STYLE, lineMultiple } from '../src/render/style.js';
import { FONTS, workspace } from './helpers.js';

const settings = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'briefing-style-')), 'styles.yaml');
  writeFileSync(file, text);
  return file;
};
const mm = (pt: number) => (pt * 25.4) / 72;

let ws: Workspace;
let composed: ComposedDocument;
let files: RenderedFile[];
before(async () => {
  ws = { ...workspace(), fonts: loadFonts(FONTS, familiesOf(GBT9704_STYLE)), style: GBT9704_STYLE };
  const plan = briefingPlan(ws, { district: 'wanzhou', year: 2024, langs: ['zh'], formats: ['pdf', 'docx'], outDir: 'output', date: '2025-01-13' });
  [composed] = await composeAll(ws, plan, ['zh']) as [ComposedDocument];
  files = await renderPlan(ws, plan, ['zh'], ['pdf', 'docx'], 'output');
});

test('styles.yaml chooses a preset; none, or no file, is the default; a wrong one is an error naming the file', () => {
  assert.equal(loadStyle(undefined), DEFAULT_STYLE);
  assert.equal(loadStyle(settings('# nothing yet\n')), DEFAULT_STYLE);
  assert.equal(loadStyle(settings('preset: gbt9704\n')), GBT9704_STYLE);
  assert.throws(() => loadStyle(settings('preset: gb9704\n')), (e: unknown) => e instanceof DiagnosticError && /styles\.yaml.*unknown preset "gb9704".*gbt9704/s.test(e.message));
  assert.throws(() => loadStyle(settings('presets: gbt9704\n')), (e: unknown) => e instanceof DiagnosticError && /unknown style setting "presets"/.test(e.message));
});

test('CJK body text has a line pitch of about 1.5 in the default style', () => {
  assert.equal(DEFAULT_STYLE.font.lineHeight, 1.5);
  assert.ok(Math.abs(lineMultiple(DEFAULT_STYLE) * 1.448 - 1.5) < 1e-9);
});

test('gbt9704: A4, 37 mm top and 28 mm binding margins, a 156 × 225 mm type area of 22 lines, 2号 title, 3号 body', () => {
  const { margin, width, height } = GBT9704_STYLE.page;
  assert.deepEqual([Math.round(mm(width)), Math.round(mm(height))], [210, 297]);
  assert.deepEqual([mm(margin.top), mm(margin.left)].map((v) => Math.round(v * 10) / 10), [37, 28]);
  assert.equal(Math.round(mm(width - margin.left - margin.right)), 156);
  assert.equal(Math.round(mm(height - margin.top - margin.bottom)), 225);
  assert.equal(Math.round(mm(height - margin.top - margin.bottom) / ((GBT9704_STYLE.font.lineHeight * GBT9704_STYLE.font.size * 25.4) / 72)), 22);
  const def = pdfDefinition(composed, GBT9704_STYLE) as unknown as Record<string, any>;
  assert.deepEqual(def.defaultStyle.font, 'Noto Serif SC');
  assert.equal(def.defaultStyle.fontSize, 16);
  assert.deepEqual([def.styles.title.fontSize, def.styles.title.alignment, def.styles.title.font], [22, 'center', 'Noto Serif SC']);
  assert.deepEqual([def.styles.h2.font, def.styles.h2.fontSize, def.styles.h2.bold], ['Noto Sans SC', 16, false]);
  assert.equal(def.styles.body.leadingIndent, 32, 'two characters');
  assert.deepEqual(def.footer(1, 9), { text: '— 1 —', font: 'Noto Serif SC', fontSize: 14, alignment: 'right', margin: [def.pageMargins[0], 22, def.pageMargins[2], 0] });
  assert.equal(def.footer(2, 9).alignment, 'left', 'outer edge of an even page');
  assert.equal(def.header(2), '', 'no running header');
});

test('gbt9704 PDF: the open stand-in faces embedded, "— N —" page numbers', () => {
  const pdf = files.find((f) => f.path.endsWith('.pdf'))!.data;
  const fonts = execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' });
  assert.match(fonts, /NotoSerifSC-Regular/);
  assert.match(fonts, /NotoSerifSC-Bold/);
  assert.match(fonts, /NotoSansSC/);
  const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
  assert.match(text, /—\s*1\s*—/);
  assert.match(text, /—\s*2\s*—/);
});

test('gbt9704 DOCX: page, faces, sizes and page numbers through the styles', () => {
  const entries = unzipSync(files.find((f) => f.path.endsWith('.docx'))!.data);
  const styles = strFromU8(entries['word/styles.xml']!);
  const document = strFromU8(entries['word/document.xml']!);
  assert.match(styles, /<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Noto Serif SC"[^>]*\/><w:sz w:val="32"\/>/);
  assert.match(styles, /w:styleId="Title">.*?<w:jc w:val="center"\/>.*?<w:sz w:val="44"\/>.*?<\/w:style>/);
  assert.match(styles, /w:styleId="Heading1">.*?<w:rFonts w:ascii="Noto Sans SC".*?<w:sz w:val="32"\/>.*?<\/w:style>/);
  assert.match(styles, /w:styleId="BodyText">.*?<w:ind w:firstLine="640"\/>.*?<\/w:style>/);
  assert.match(document, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  assert.match(document, /<w:pStyle w:val="BodyText"\/>/);
  assert.match(strFromU8(entries['word/settings.xml']!), /<w:evenAndOddHeaders\/>|<w:evenAndOddHeaders w:val="(true|1)"\/>/);
  const footers = Object.keys(entries).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => strFromU8(entries[n]!));
  assert.ok(footers.some((f) => /<w:jc w:val="right"\/>.*— .*PAGE.* —/.test(f)) && footers.some((f) => /<w:jc w:val="left"\/>.*— .*PAGE.* —/.test(f)), 'right on odd pages, left on even');
  const table = strFromU8(entries['word/fontTable.xml']!);
  assert.match(table, /<w:font w:name="Noto Serif SC">.*?<w:embedRegular/);
  // Every face the styles name is embedded (LXGW WenKai, absent here, is named as its fallback), so Word and LibreOffice substitute none.
  const named = new Set([...styles.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]));
  for (const name of named) assert.match(table, new RegExp(`<w:font w:name="${name}">.*?<w:embedRegular`), `${name} embedded`);
});

test('LXGW WenKai, the 楷体 stand-in, stands as Noto Serif SC when the fonts folder lacks it', () => {
  assert.equal(familyOf(ws.fonts, 'LXGW WenKai').name, 'Noto Serif SC');
  assert.equal(familyOf(ws.fonts, 'Noto Sans SC').name, 'Noto Sans SC');
});
