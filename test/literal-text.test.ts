// Data text reaches the PDF and DOCX literally: no replacement pattern, template, Markdown or XML syntax in it is obeyed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { loadDataset } from '../src/data/load.js';
import { loadFonts } from '../src/fonts/fonts.js';
import { briefingPlan, comparisonPlan, renderPlan, type RenderedFile, type Workspace } from '../src/pipeline.js';
import { validateDataset } from '../src/cli/validate.js';
import { toCsv } from '../src/export.js';
import { FONTS, scratchData, TEMPLATES } from './helpers.js';

/** What hostile data text holds: replacement patterns, a Handlebars expression, XML. */
const PAYLOAD = "$' $& $` $1 {{x}} <w:t> ";
const squash = (s: string) => s.replace(/\s+/g, '');
let marker = 0;
/** A numbered marker, so every place the payload lands can be found and checked. */
const hostile = (text: string) => `ZQ${++marker}Z${PAYLOAD}${text}`;

/** Every bilingual name in the YAML files and every English project name gets the payload. */
function poison(data: string): void {
  const yamlFiles = ['districts.yaml', 'documents.yaml', 'indicators.yaml', 'phrases.yaml', ...readdirSync(join(data, 'indicators')).map((f) => `indicators/${f}`)];
  for (const file of yamlFiles) {
    const text = readFileSync(join(data, file), 'utf8');
    // phrases.yaml: the zh text is a key matched against published values; only its translation is free text.
    const field = file === 'phrases.yaml' ? 'en' : 'zh|en';
    const value = (raw: string) => JSON.stringify(hostile(raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.trim()));
    const block = new RegExp(`^(\\s*(?:- )?)(${field}): (.*)$`, 'gm');
    const flow = new RegExp(`([{,]\\s*)(${field}): ("[^"]*"|[^,}]*)`, 'g');
    // Districts' short names label the memo charts' legends, which vega places from the plot's left edge: a long one
    // runs off the chart (a known layout limit, not a text problem), so they stay short here.
    const poisoned = text.replace(block, (_m, lead: string, key: string, raw: string) => `${lead}${key}: ${value(raw)}`);
    writeFileSync(join(data, file), file === 'districts.yaml' ? poisoned : poisoned.replace(flow, (_m, lead: string, key: string, raw: string) => `${lead}${key}: ${value(raw)}`));
  }
  const projects = join(data, 'projects');
  for (const file of readdirSync(projects)) {
    const rows = parseCsv(readFileSync(join(projects, file), 'utf8'), { columns: true }) as Record<string, string>[];
    const columns = Object.keys(rows[0]!);
    writeFileSync(join(projects, file), toCsv(rows.map((r) => ({ ...r, en: hostile(r.en!) })), columns));
  }
}

/** Every marker found is followed by the payload exactly (or by its start and an ellipsis where a chart shortens a label). */
function assertLiteral(text: string, what: string): number {
  const flat = squash(text);
  const wanted = squash(PAYLOAD);
  const found = [...flat.matchAll(/ZQ(\d+)Z/g)];
  for (const m of found) {
    const after = flat.slice(m.index! + m[0].length, m.index! + m[0].length + wanted.length);
    const ellipsis = after.indexOf('…');
    const ok = after === wanted || (ellipsis >= 0 && wanted.startsWith(after.slice(0, ellipsis)));
    assert.ok(ok, `${what}: marker ${m[0]} is followed by ${JSON.stringify(after)}, not ${JSON.stringify(wanted)}`);
  }
  return found.length;
}

const pdfText = (pdf: Buffer) => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-literal-'));
  writeFileSync(join(dir, 'a.pdf'), pdf);
  const pages = execFileSync('pdftotext', ['-raw', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).split('\f');
  // The running header and the page number come after a page's text: a paragraph that runs on to the next page
  // would read as interrupted by them, so they are left out (the header's names are checked where the title shows them).
  const onPages = new Map<string, number>();
  for (const page of pages) for (const line of new Set(page.split('\n'))) onPages.set(line, (onPages.get(line) ?? 0) + 1);
  const running = (line: string) => pages.length > 3 && (onPages.get(line) ?? 0) >= pages.length - 2;
  return pages.map((page) => page.split('\n').filter((line) => !running(line) && !/Page \d+ of \d+|第\d+页/.test(line)).join('\n')).join('\f');
};
const docxText = (docx: Buffer) => {
  const xml = new TextDecoder().decode(unzipSync(docx)['word/document.xml']!);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
};

let ws: Workspace;
let files: RenderedFile[];

before(async () => {
  const data = scratchData();
  poison(data);
  ws = { data: loadDataset(data), fonts: loadFonts(FONTS), templatesDir: TEMPLATES };
  const request = { year: 2024, langs: ['zh-en' as const], formats: ['pdf' as const, 'docx' as const], outDir: 'out', date: '2025-01-13' };
  files = [
    ...(await renderPlan(ws, briefingPlan(ws, { ...request, district: 'wanzhou' }), request.langs, request.formats, 'out')),
    ...(await renderPlan(ws, comparisonPlan(ws, { ...request, districts: ['wanzhou', 'dadukou', 'fuling'] }), request.langs, request.formats, 'out')),
  ];
});

test('hostile text in every name validates: it is text, not code', () => {
  assert.deepEqual(validateDataset(ws), []);
});

test('the PDFs and DOCXs show the hostile text exactly as written, wherever it appears', () => {
  for (const f of files) {
    const text = f.path.endsWith('.pdf') ? pdfText(f.data) : docxText(f.data);
    const count = assertLiteral(text, f.path);
    assert.ok(count >= 50, `${f.path}: only ${count} hostile names found`);
    assert.ok(!/ZQ\d+Z\$'\$&\$`\$1\{\{x\}\}<w:t>ZQ/.test(squash(text)), 'no payload is repeated into another');
  }
});
