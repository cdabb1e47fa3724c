// The comparison memo: ranking with ties and gaps, shared indicators, comparability notes, errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyseComparison, rankValues } from '../src/analyse/compare.js';
import { comparisonFileName, comparisonPlan, composeAll, renderPlan } from '../src/pipeline.js';
import { DiagnosticError } from '../src/diagnostics.js';
import { assertGolden, ROOT, workspace } from './helpers.js';

test('ranks: higher is better, ties share a rank, missing values are not ranked', () => {
  assert.deepEqual(rankValues([6.8, 5.8, 6.5], 'up'), [1, 3, 2]);
  assert.deepEqual(rankValues([5, 7, 7, 3], 'up'), [3, 1, 1, 4]);
  assert.deepEqual(rankValues([5.3, undefined, 5.5], 'down'), [1, undefined, 2]);
  assert.deepEqual(rankValues([undefined, undefined], 'up'), [undefined, undefined]);
  assert.deepEqual(rankValues([1, 2], 'neutral'), [undefined, undefined]);
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
});

test('memo file names and content', async () => {
  assert.equal(comparisonFileName(['wanzhou', 'fuling'], 2024, 'en', 'docx'), 'compare-fuling-wanzhou-2024.en.docx');
  const ws = workspace();
  const [pdf] = await renderPlan(ws, comparisonPlan(ws, { districts: ['wanzhou', 'fuling'], year: 2024, langs: ['en'], formats: ['pdf'], outDir: 'out' }), ['en'], ['pdf'], 'out');
  assert.ok(pdf!.path.endsWith('compare-fuling-wanzhou-2024.en.pdf'));
  const text = spawnSync('pdftotext', ['-raw', '-', '-'], { input: pdf!.data, encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  for (const s of ['Memorandum', 'Wanzhou led on Gross regional product, growth (6.8%', 'Comparability notes', 'government work report']) assert.ok(text.includes(s), s);
});

test('errors: unknown district, one district, year without data, nothing written', () => {
  const ws = workspace();
  const plan = (districts: string[], year = 2024) => () => comparisonPlan(ws, { districts, year, langs: ['zh'], formats: ['pdf'], outDir: 'out' });
  assert.throws(plan(['wanzhou', 'atlantis']), (e: unknown) => e instanceof DiagnosticError && /unknown district "atlantis"/.test(e.message));
  assert.throws(plan(['wanzhou']), /at least two different districts; got 1/);
  assert.throws(plan(['wanzhou', 'wanzhou']), /at least two different districts; got 1/);
  assert.throws(plan(['wanzhou', 'dadukou'], 2022), /no data for dadukou in 2022/);
  const out = join(mkdtempSync(join(tmpdir(), 'briefing-compare-')), 'out');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'briefing.js'), 'compare', 'wanzhou', '--year', '2024', '--out', out], { encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /at least two different districts/);
  assert.equal(existsSync(out), false);
});

test('golden: memo IR (zh-en)', async () => {
  const ws = workspace();
  const plan = comparisonPlan(ws, { districts: ['wanzhou', 'dadukou', 'fuling'], year: 2024, langs: ['zh-en'], formats: ['pdf'], outDir: 'out' });
  const [composed] = await composeAll(ws, plan, ['zh-en']);
  assertGolden('compare-dadukou-fuling-wanzhou-2024.zh-en.ir.json', `${JSON.stringify(composed!.ir, null, 1)}\n`);
});
