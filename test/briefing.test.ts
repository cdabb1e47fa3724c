// The Wanzhou 2024 briefing end to end: golden intermediates, text of the real PDF and DOCX, determinism.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { unzipSync } from 'fflate';
import { analyseDistrictYear } from '../src/analyse/findings.js';
import { briefingPlan, composeAll, renderBriefing, type ComposedDocument, type RenderedFile } from '../src/pipeline.js';
import { pdfDefinition } from '../src/render/pdf.js';
import { loadDataset } from '../src/data/load.js';
import { assertGolden, scratchData, workspace } from './helpers.js';

const request = { district: 'wanzhou', year: 2024, langs: ['zh', 'en', 'zh-en'] as const, formats: ['pdf', 'docx'] as const, outDir: 'output', date: '2025-01-13' };
let composed: ComposedDocument[];
let files: RenderedFile[];

const file = (name: string) => files.find((f) => f.path.endsWith(name))!;
const documentXml = (docx: Buffer) => new TextDecoder().decode(unzipSync(docx)['word/document.xml']!);
const docxText = (docx: Buffer) => documentXml(docx).replace(/<w:tab\/>/g, '\t').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-pdf-'));
  writeFileSync(join(dir, 'a.pdf'), pdf);
  return execFileSync('pdftotext', ['-raw', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
}

before(async () => {
  const ws = workspace();
  composed = await composeAll(ws, briefingPlan(ws, { ...request, langs: [...request.langs], formats: [...request.formats] }), [...request.langs]);
  files = await renderBriefing(ws, { ...request, langs: [...request.langs], formats: [...request.formats] });
});

test('golden: document IR in each language mode', () => {
  for (const c of composed) assertGolden(`wanzhou-2024.${c.lang}.ir.json`, `${JSON.stringify(c.ir, null, 1)}\n`);
});

test('golden: chart SVGs', () => {
  for (const c of composed) for (const [id, chart] of c.charts) assertGolden(`wanzhou-2024.${c.lang}.chart-${id}.svg`, `${chart.svg}\n`);
});

test('golden: pdfmake document definition (charts by reference)', () => {
  for (const c of composed) {
    const svgs = new Map([...c.charts].map(([id, chart]) => [chart.svg, id]));
    const json = JSON.stringify(pdfDefinition(c), (key, value) => (key === 'svg' ? `(chart ${svgs.get(value)})` : value), 1);
    assertGolden(`wanzhou-2024.${c.lang}.pdfmake.json`, `${json}\n`);
  }
});

test('golden: DOCX word/document.xml', () => {
  for (const lang of request.langs) assertGolden(`wanzhou-2024.${lang}.document.xml`, `${documentXml(file(`.${lang}.docx`).data).replace(/></g, '>\n<')}\n`);
});

test('predictable file names', () => {
  assert.deepEqual(files.map((f) => f.path.split('/').pop()).sort(), [
    'wanzhou-2024-briefing.en.docx', 'wanzhou-2024-briefing.en.pdf', 'wanzhou-2024-briefing.zh-en.docx',
    'wanzhou-2024-briefing.zh-en.pdf', 'wanzhou-2024-briefing.zh.docx', 'wanzhou-2024-briefing.zh.pdf',
  ]);
});

test('the PDF and the DOCX carry every scorecard value', () => {
  const findings = analyseDistrictYear(workspace().data, 'wanzhou', 2024);
  const squash = (s: string) => s.replace(/\s+/g, '');
  const pdf = squash(pdfText(file('.zh.pdf').data));
  const docx = squash(docxText(file('.zh.docx').data));
  for (const row of findings.scorecard) {
    for (const v of [row.target, row.result]) {
      if (!v) continue;
      const text = squash(v.chosen.used.text);
      assert.ok(pdf.includes(text), `PDF lacks ${row.indicator.id} "${text}"`);
      assert.ok(docx.includes(text), `DOCX lacks ${row.indicator.id} "${text}"`);
    }
  }
  for (const figure of ['276.2亿元', '82.9亿元', '45286元', '86.2亿元']) {
    assert.ok(pdf.includes(figure), `PDF lacks ${figure}`);
    assert.ok(docx.includes(figure), `DOCX lacks ${figure}`);
  }
});

test('English figures keep every published digit', () => {
  const text = pdfText(file('.en.pdf').data);
  for (const figure of ['27.62 billion yuan', '8.29 billion yuan', '45,286 yuan', '8.54 million US dollars', '26,000 people']) {
    assert.ok(text.includes(figure), `missing ${figure}`);
  }
});

test('zh-en pairs headings and captions', () => {
  const text = pdfText(file('.zh-en.pdf').data);
  for (const s of ['二、年度目标完成情况', '2. Targets and results', '表2', 'Table 2.', '图1', 'Figure 1.']) assert.ok(text.includes(s), s);
});

test('the PDF embeds font subsets', () => {
  const fonts = execFileSync('pdffonts', ['-'], { input: file('.zh-en.pdf').data, encoding: 'utf8' });
  const rows = fonts.split('\n').slice(2).filter(Boolean);
  assert.ok(rows.length >= 2);
  for (const row of rows) assert.match(row, /NotoSansSC.*yes\s+yes\s+yes/);
});

test('the DOCX embeds its fonts and shows headings as Word heading styles', () => {
  const entries = unzipSync(file('.zh-en.docx').data);
  assert.ok(entries['word/fonts/font1.odttf'] && entries['word/fonts/font2.odttf']);
  assert.match(new TextDecoder().decode(entries['word/fontTable.xml']!), /w:embedRegular[\s\S]*w:embedBold/);
  const xml = documentXml(file('.zh-en.docx').data);
  assert.match(xml, /<w:pStyle w:val="Heading2"\/>/);
  assert.match(xml, /<w:tblHeader\/>/);
  assert.ok(Object.keys(entries).some((n) => /^word\/charts\/chart\d+\.xml$/.test(n)), 'native charts');
});

test('the same inputs give byte-identical files', async () => {
  const again = await renderBriefing(workspace(), { ...request, langs: ['zh-en'], formats: ['pdf', 'docx'] });
  for (const f of again) assert.ok(f.data.equals(file(f.path.split('/').pop()!).data), f.path);
});

test('rendered text: a qualitative target is met by the same statement', () => {
  const flat = (lang: string) => pdfText(file(`.${lang}.pdf`).data).replace(/[ \t]+/g, ' ');
  assert.match(flat('zh'), /长江干流水质\* 稳定保持II类 稳定保持II类 完成\n/);
  assert.match(flat('en'), /Water quality of the Yangtze main stream\* Class II maintained Class II maintained Met\n/);
});

test('rendered text: a result on a changed definition (口径调整) is not comparable, and the documents say how it changed, in Chinese and English', async () => {
  const data = scratchData();
  const file = join(data, 'observations', 'wanzhou-2024.csv');
  const note = '自2024年起实际使用外资按商务部新口径统计';
  const noteEn = "From 2024 on, foreign capital actually used is counted on the Ministry of Commerce's new definition";
  // Both rows of the 2024 result (table and prose) are on the new definition.
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^(wanzhou,2024,fdi_actual,result,[^,]+,),(wanzhou-plan-2024,\d+,[^,]*),,$/gm, `$1definition_changed,$2,${note},"${noteEn}"`));
  const ws = { ...workspace(), data: loadDataset(data) };
  const row = analyseDistrictYear(ws.data, 'wanzhou', 2024).scorecard.find((r) => r.indicator.id === 'fdi_actual')!;
  assert.deepEqual(row.evaluation, { status: 'not_comparable', rule: 'definition-changed' });
  const rendered = await renderBriefing(ws, { ...request, langs: ['zh', 'en'], formats: ['pdf'] });
  const text = (lang: string) => pdfText(rendered.find((f) => f.path.endsWith(`.${lang}.pdf`))!.data).replace(/\s+/g, ' ');
  const zh = text('zh');
  assert.match(zh, /实际使用外资（万美元） 1500 854（口径调整） 口径不同/, 'the status, and the mark in words on the result');
  assert.match(zh.replace(/ /g, ''), /“口径调整”指统计口径调整后的数值，与目标不可比、不作判断/);
  assert.ok(zh.replace(/ /g, '').includes(`以下数值的统计口径已调整（口径调整），与目标不可比，不作完成判定：实际使用外资（2024年完成情况“854万美元”，万州区2024年计划执行报告表1）：${note}`));
  const en = text('en');
  assert.match(en, /Foreign investment actually used \(10,000 US dollars\) 1,500 854 \(definition changed\) Other definition/);
  assert.match(en.replace(/\s+/g, " "), /"definition changed" marks a value measured on a changed definition, not comparable with its target and not judged/);
  assert.ok(en.includes(`The following values are measured on a changed definition, so they are not comparable with their targets and not judged: Foreign investment actually used (2024 result "8.54 million US dollars", Wanzhou 2024 plan report, Table 1): ${noteEn}`));
});

test('a target the data holds no result for is said to have none, not to be awaiting the city', async () => {
  const data = scratchData();
  const csv = join(data, 'observations', 'wanzhou-2024.csv');
  const row = /^wanzhou,2024,digital_core_growth,result,市级暂未反馈,.*\n/m;
  assert.match(readFileSync(csv, 'utf8'), row);
  writeFileSync(csv, readFileSync(csv, 'utf8').replace(row, ''));
  const ws = { ...workspace(), data: loadDataset(data) };
  const [zh, en] = await composeAll(ws, briefingPlan(ws, { ...request, langs: ['zh', 'en'], formats: ['pdf'] }), ['zh', 'en']);
  const text = (c: ComposedDocument) => JSON.stringify(c.ir);
  assert.match(text(zh!), /1项目标在所据文件中未见完成情况，未作判定：数字经济核心产业增加值增速/);
  assert.match(text(zh!), /4项目标的完成情况市级暂未反馈/, 'the four the source gives as pending stay so');
  assert.match(text(en!), /The sources give no result for these targets \(1\), which are not judged: /);
});
