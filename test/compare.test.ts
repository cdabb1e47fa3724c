// The comparison memo: ranking with ties and gaps, shared indicators, comparability notes, errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyseComparison } from '../src/analyse/compare.js';
import { possibleRange, rankRanges } from '../src/analyse/rank-comparable.js';
import { parseValue } from '../src/data/parse-value.js';
import { comparisonFileName, comparisonPlan, composeAll, renderPlan } from '../src/pipeline.js';
import { DiagnosticError } from '../src/diagnostics.js';
import { assertGolden, pageFills, pdfPages, pdfText as pdfTextOf, ROOT, workspace } from './helpers.js';

const range = (text: string) => {
  const parsed = parseValue(text, ['%', '亿元']);
  assert.ok(parsed.ok, text);
  return possibleRange(parsed.value);
};
const ranks = (texts: (string | undefined)[], direction: 'up' | 'down' = 'up') =>
  rankRanges(texts.map((t) => (t === undefined ? undefined : range(t))), direction).map((r) => r?.rank);

test('rank rule: exact values are ranked by the good direction; equal values share a rank', () => {
  assert.deepEqual(ranks(['7.1', '6.8']), [1, 2]);
  assert.deepEqual(ranks(['6.8', '5.8', '6.5']), [1, 3, 2]);
  assert.deepEqual(ranks(['5', '7', '7', '3']), [3, 1, 1, 4]);
  assert.deepEqual(ranks(['5.3', '5.5'], 'down'), [1, 2]);
  assert.deepEqual(ranks(['97', '97']), [1, 1]);
});

test('rank rule: a lower bound decides the order only when it is above the other value', () => {
  // 规上工业总产值: Wanzhou 719.2 is not first beside Fuling's 突破2700; Fuling is, Wanzhou second.
  assert.deepEqual(ranks(['719.2亿元', '突破2700亿元']), [2, 1]);
  // A value below a lower bound it cannot exceed is not first; above it, the order is open.
  assert.deepEqual(ranks(['50.3', '突破45']), [undefined, undefined]);
  assert.deepEqual(ranks(['45', '突破45']), [2, 1]); // 突破 excludes the number itself
  assert.deepEqual(ranks(['45', '45以上']), [undefined, 1]); // 以上 includes it: 45 is equal or lower, 45以上 first either way
  assert.deepEqual(ranks(['95以上', '95以上']), [undefined, undefined]);
  // Three values: the lowest is certainly third though the first two are open.
  assert.deepEqual(ranks(['50.3', '突破45', '40']), [undefined, undefined, 3]);
  assert.deepEqual(rankRanges([range('50.3'), range('突破45'), range('40')], 'up').map((r) => r?.openWith), [[1], [0], []]);
});

test('rank rule: an upper bound, read the other way', () => {
  assert.deepEqual(ranks(['3.5%以内', '4'], 'down'), [1, 2]);
  assert.deepEqual(ranks(['3.5%以内', '3'], 'down'), [undefined, undefined]);
  assert.deepEqual(ranks(['3.5%以内', '4']), [2, 1]);
});

test('rank rule: "about" spans one unit of its last digit either way', () => {
  assert.deepEqual(range('6.5%左右'), { low: 6.4, high: 6.6, lowOpen: false, highOpen: false });
  assert.deepEqual(range('7左右'), { low: 6, high: 8, lowOpen: false, highOpen: false });
  assert.deepEqual(ranks(['6.8', '6.5%左右', '5.8']), [1, 2, 3]);
  assert.deepEqual(ranks(['6.6', '6.5%左右']), [1, undefined]); // about 6.5 may equal 6.6, never exceed it
  assert.deepEqual(ranks(['6.5', '6.5%左右']), [undefined, undefined]);
  assert.deepEqual(ranks(['6.5左右', '6.5左右']), [undefined, undefined]);
});

test('rank rule: pending, qualitative and changes give nothing to rank; one value alone is not ranked', () => {
  assert.equal(range('市级暂未反馈'), undefined);
  assert.equal(range('稳定保持II类'), undefined);
  assert.equal(range('较2023年提升0.3个百分点以上'), undefined);
  assert.deepEqual(ranks(['6.8', '市级暂未反馈', '5.8'].map((t) => (range(t) ? t : undefined))), [1, undefined, 2]);
  assert.deepEqual(ranks(['6.8', undefined]), [undefined, undefined]);
  assert.deepEqual(ranks(['正增长', '-1']), [1, 2]);
  assert.deepEqual(ranks(['正增长', '1']), [undefined, undefined]);
});

test('three districts, 2024: shared indicators with ranks, gaps explained, estimates flagged', () => {
  const f = analyseComparison(workspace().data, ['wanzhou', 'dadukou', 'fuling'], 2024);
  assert.deepEqual(f.districts.map((d) => d.id), ['dadukou', 'fuling', 'wanzhou']);
  const gdp = f.rows.find((r) => r.indicator.id === 'gdp_growth')!;
  const byDistrict = Object.fromEntries(gdp.cells.map((c) => [c.district.id, c]));
  assert.equal(byDistrict.wanzhou!.rank, 1); // 6.8
  assert.equal(byDistrict.fuling!.rank, 2); // 6.5左右, an estimate
  assert.equal(byDistrict.dadukou!.rank, 3); // 5.8
  assert.ok(byDistrict.fuling!.notes.some((n) => n.kind === 'estimate_vs_final'));
  const patents = f.rows.find((r) => r.cells.some((c) => !c.value));
  assert.ok(patents?.cells.find((c) => !c.value)?.notes.length, 'an empty cell says why');
  assert.ok(f.growthRows.length >= 5);
  const row = (id: string) => f.rows.find((r) => r.indicator.id === id)!;
  // Totals are shown, never ranked: 规上工业总产值 719.2 beside 突破2700, GDP 506 beside 突破1700.
  for (const id of ['industrial_output', 'gdp', 'budget_revenue']) {
    assert.equal(row(id).notRanked, 'total', id);
    assert.ok(row(id).cells.every((c) => c.rank === undefined), id);
  }
  // Per-capita figures are ranked; a lower bound that may exceed the other value leaves both unranked.
  assert.deepEqual(row('disposable_income').cells.map((c) => c.rank), [1, undefined, 2]);
  const forest = row('forest_coverage_rate');
  assert.deepEqual(forest.cells.map((c) => c.rank), [undefined, undefined, undefined]);
  const open = forest.cells[0]!.notes.find((n) => n.kind === 'order_open');
  assert.deepEqual(open?.kind === 'order_open' && open.inexact.map((c) => c.district.id), ['wanzhou']);
  // Wanzhou publishes R&D intensity only as a change on 2023: Dadukou and Fuling are ranked between them.
  const rd = row('rd_intensity');
  assert.deepEqual(rd.cells.map((c) => c.rank), [1, 2, undefined]);
  assert.ok(rd.cells[2]!.notes.some((n) => n.kind === 'change'));
});

test('memo file names and content', async () => {
  assert.equal(comparisonFileName(['wanzhou', 'fuling'], 2024, 'en', 'docx'), 'compare-fuling-wanzhou-2024.en.docx');
  const ws = workspace();
  const [pdf] = await renderPlan(ws, comparisonPlan(ws, { districts: ['wanzhou', 'fuling'], year: 2024, langs: ['en'], formats: ['pdf'], outDir: 'out' }), ['en'], ['pdf'], 'out');
  assert.ok(pdf!.path.endsWith('compare-fuling-wanzhou-2024.en.pdf'));
  const text = spawnSync('pdftotext', ['-raw', '-', '-'], { input: pdf!.data, encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  for (const s of ['Memorandum', 'Gross regional product, growth: Wanzhou led with 6.8%, about 0.3 points above Fuling', 'Totals (not ranked)', 'Comparability notes', 'government work report']) assert.ok(text.includes(s), s);
});

test('errors: unknown district, one district, year without data, nothing written', () => {
  const ws = workspace();
  const plan = (districts: string[], year = 2024) => () => comparisonPlan(ws, { districts, year, langs: ['zh'], formats: ['pdf'], outDir: 'out' });
  assert.throws(plan(['wanzhou', 'atlantis']), (e: unknown) => e instanceof DiagnosticError && /unknown district "atlantis"/.test(e.message));
  assert.throws(plan(['wanzhou']), /at least two different districts; got 1/);
  assert.throws(plan(['wanzhou', 'wanzhou']), /at least two different districts; got 1/);
  assert.throws(plan(['wanzhou', 'dadukou'], 2022), /no results for dadukou in 2022/);
  const out = join(mkdtempSync(join(tmpdir(), 'briefing-compare-')), 'out');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'briefing.js'), 'compare', 'wanzhou', '--year', '2024', '--out', out], { encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /at least two different districts/);
  assert.equal(existsSync(out), false);
});

/** Words meant for developers that must never reach a reader: ids, files, folders, lines, flags. */
const INTERNAL_WORDS: [string, RegExp][] = [
  ['snake_case id', /\b[a-z]+_[a-z_]+\b/],
  ['file name', /\.(ya?ml|csv|txt|ts|js|json|hbs|md)\b/i],
  ['folder', /\b(data|output|templates|sources)\//],
  ['line number', /\bline \d+|第\s*\d+\s*行/i],
  ['developer message', /needs reading|需人工判读|TODO|undefined|NaN|\{\{/i],
];

test('the 2024 three-district memo: page limits, and no internal words in its PDF or DOCX text', async () => {
  const ws = workspace();
  const modes = ['zh', 'en', 'zh-en'] as const;
  const plan = comparisonPlan(ws, { districts: ['wanzhou', 'dadukou', 'fuling'], year: 2024, langs: [...modes], formats: ['pdf', 'docx'], outDir: 'out' });
  const files = await renderPlan(ws, plan, [...modes], ['pdf', 'docx'], 'out');
  const limits = { zh: 8, en: 9, 'zh-en': 14 };
  for (const mode of modes) {
    const pdf = files.find((f) => f.path.endsWith(`.${mode}.pdf`))!;
    const pages = pdfPages(pdf.data);
    assert.ok(pages > 0 && pages <= limits[mode], `${mode}: ${pages} pages, at most ${limits[mode]}`);
    // No page but the last left half empty (a chart too tall for the rest of a page stands ahead of its table).
    for (const [i, fill] of pageFills(pdf.data).slice(0, -1).entries()) assert.ok(fill >= 0.5, `${mode}: page ${i + 1} is ${Math.round(fill * 100)}% full`);
    const pdfText = pdfTextOf(pdf.data);
    const docx = files.find((f) => f.path.endsWith(`.${mode}.docx`))!;
    const docxText = new TextDecoder().decode(unzipSync(docx.data)['word/document.xml']!).replace(/<w:tab\/>/g, ' ').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    for (const [kind, text] of [['PDF', pdfText], ['DOCX', docxText]] as const) {
      assert.ok(text.length > 1000, `${mode} ${kind} has text`);
      for (const [what, pattern] of INTERNAL_WORDS) assert.doesNotMatch(text, pattern, `${mode} ${kind}: ${what}`);
      if (mode === 'en') assert.doesNotMatch(text, /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/, `${kind}: Chinese in the English memo`);
    }
  }
});

test('memo notes in words: an estimate beside its value, a conflict as a numbered note with the other values, no letters', async () => {
  const ws = workspace();
  const plan = comparisonPlan(ws, { districts: ['wanzhou', 'dadukou', 'fuling'], year: 2024, langs: ['en'], formats: ['pdf'], outDir: 'out' });
  const [composed] = await composeAll(ws, plan, ['en']);
  const marks: string[] = [];
  const walk = (nodes: unknown): void => {
    if (Array.isArray(nodes)) nodes.forEach(walk);
    else if (nodes && typeof nodes === 'object') {
      const n = nodes as { type?: string; value?: string };
      if (n.type === 'mark') marks.push(n.value!);
      Object.values(nodes).forEach(walk);
    }
  };
  walk(composed!.ir.blocks);
  assert.ok(marks.length > 0 && marks.every((m) => /^\d+(,\d+)*$/.test(m)), `note marks are numbers: ${marks.join(' ')}`);
  const text = JSON.stringify(composed!.ir.blocks);
  assert.match(text, /about 6\.5 \(estimate, #2\)/);
  assert.match(text, /Dadukou's sources give different values: this memo uses at least 6%; also 6%/);
});

test('golden: memo IR (zh-en)', async () => {
  const ws = workspace();
  const plan = comparisonPlan(ws, { districts: ['wanzhou', 'dadukou', 'fuling'], year: 2024, langs: ['zh-en'], formats: ['pdf'], outDir: 'out' });
  const [composed] = await composeAll(ws, plan, ['zh-en']);
  assertGolden('compare-dadukou-fuling-wanzhou-2024.zh-en.ir.json', `${JSON.stringify(composed!.ir, null, 1)}\n`);
});
