// export and check-data: stable columns, every value with its source, the quality items the data holds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { dataQuality } from '../src/analyse/data-quality.js';
import { EXPORT_COLUMNS } from '../src/export.js';
import { loadDataset } from '../src/data/load.js';
import { ROOT, scratchData, workspace } from './helpers.js';

const briefing = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'briefing.js'), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });

test('export observations as CSV: the columns of the data files, with a byte order mark, one row per published value', () => {
  const r = briefing('export', 'observations');
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.startsWith('\ufeff'), 'UTF-8 BOM so that Excel shows Chinese');
  const rows = parse(r.stdout, { columns: true, bom: true }) as Record<string, string>[];
  assert.deepEqual(Object.keys(rows[0]!), [...EXPORT_COLUMNS.observations]);
  assert.equal(rows.length, workspace().data.observations.length);
  const gdp = rows.find((x) => x.district === 'wanzhou' && x.year === '2024' && x.indicator === 'gdp_growth' && x.kind === 'target');
  assert.deepEqual({ text: gdp?.text, doc: gdp?.doc, line: gdp?.line }, { text: '7', doc: 'wanzhou-plan-2024', line: '26' });
  const preferred = rows.find((x) => x.district === 'wanzhou' && x.year === '2023' && x.indicator === 'rd_intensity' && x.text === '1.46%');
  assert.equal(preferred?.flags, 'preferred');
  // A value split across two source lines keeps its last line.
  const split = rows.find((x) => x.doc === 'wanzhou-plan-2022' && x.line === '269');
  assert.deepEqual([split?.text, split?.line_end], ['较2022年提升0.2个百分点', '271']);
  assert.ok(rows.filter((x) => x !== split).every((x) => x.line_end === ''));
});

test('export projects as JSON to a file', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'briefing-export-')), 'projects.json');
  const r = briefing('export', 'projects', '--format', 'json', '--out', out);
  assert.equal(r.status, 0, r.stderr);
  const rows = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>[];
  assert.equal(rows.length, workspace().data.projects.length);
  assert.deepEqual(Object.keys(rows[0]!), [...EXPORT_COLUMNS.projects]);
});

test('check-data lists conflicts with the value used, estimates and pending values', () => {
  const items = dataQuality(workspace().data);
  const unemployment = items.find((i) => i.kind === 'conflict' && i.indicator === 'urban_unemployment_rate' && i.year === 2024);
  assert.ok(unemployment);
  assert.deepEqual(unemployment.sources.find((s) => s.used)?.text, '5.3');
  assert.ok(items.some((i) => i.kind === 'pending' && i.indicator === 'strategic_emerging_growth'));
  assert.ok(items.some((i) => i.kind === 'estimate' && i.indicator === 'rd_intensity'));
  assert.ok(items.some((i) => i.kind === 'adjusted' && i.indicator === 'budget_revenue_growth'));
  // Ⅱ and II are the same class: not a conflict.
  assert.ok(!items.some((i) => i.kind === 'conflict' && i.indicator === 'yangtze_water_quality'));
  const text = briefing('check-data');
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /Conflicting values/);
  assert.match(text.stdout, /\* wanzhou-plan-2024 \(000_0798edd91b3d5539\.txt:207\): "5\.3"/);
});

test('check-data names a five-year plan and an annual report that disagree on the same value: both sources in words, file and line', () => {
  // Wanzhou's 2020 plan report, were it added: its 2020 R&D share differs from the 13th five-year plan's review (专栏1).
  const data = scratchData();
  writeFileSync(join(data, 'sources', '005_wanzhou_2020.txt'), '2020年，全区R&D占GDP比重达到0.9%。\n');
  appendFileSync(join(data, 'documents.yaml'), [
    '- id: wanzhou-plan-2020', '  district: wanzhou', '  file: 005_wanzhou_2020.txt', '  kind: plan_report', '  date: 2021-01',
    '  zh: 万州区2020年计划执行报告', '  en: Wanzhou 2020 plan report', '  short:', '    zh: 万州区2020年计划执行报告', '    en: Wanzhou 2020 plan report',
    '  publisher:', '    zh: 重庆市万州区发展和改革委员会', '    en: Wanzhou District Development and Reform Commission', '',
  ].join('\n'));
  appendFileSync(join(data, 'observations', 'wanzhou-2024.csv'), 'wanzhou,2020,rd_intensity,result,0.9%,preferred,wanzhou-plan-2020,1,全区R&D占GDP比重达到0.9%,,\n');
  const items = dataQuality(loadDataset(data));
  const conflict = items.filter((i) => i.indicator === 'rd_intensity' && i.year === 2020);
  assert.deepEqual(conflict.map((i) => i.kind), ['plan_conflict'], 'listed once, as a plan conflict');
  assert.equal(conflict[0]!.message, 'wanzhou 2020 R&D expenditure as a share of GDP result: the five-year plan "Wanzhou 14th Five-Year Plan" (专栏1), 004_bbd791d959e76594.txt line 587, gives "0.85"; '
    + 'the annual plan report "Wanzhou 2020 plan report", 005_wanzhou_2020.txt line 1, gives "0.9%"; documents use "0.9%"');
  assert.deepEqual(conflict[0]!.sources.map((s) => [s.doc, s.line, s.used]), [['wanzhou-fyp14', 587, false], ['wanzhou-plan-2020', 1, true]]);
  const text = briefing('check-data', '--data', data);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /## Five-year plan and annual report disagree \(the value documents use is marked \*\): 1\n/);
  assert.match(text.stdout, /\n {4}\* wanzhou-plan-2020 \(005_wanzhou_2020\.txt:1\): "0\.9%"/);
  assert.match(text.stdout, /\n {6}wanzhou-fyp14 \(004_bbd791d959e76594\.txt:587\): "0\.85"/);
  // The bundled data has none: its five-year plan and annual reports cover different years.
  assert.ok(!dataQuality(workspace().data).some((i) => i.kind === 'plan_conflict'));
});

test("check-data sets a plan's base year beside the result reported for that year, and says when they are one figure rounded", () => {
  const items = dataQuality(workspace().data).filter((i) => i.kind === 'base_result');
  assert.deepEqual(items.map((i) => [i.indicator, i.year, i.sources.map((s) => s.text)]), [
    ['disposable_income_growth_5y_avg', 2020, ['9.7', '9.8', '9.8%']],
    ['life_expectancy', 2020, ['77.39', '78']],
    ['fdi_actual_5y_total', 2020, ['4.37', '4.4']],
  ]);
  assert.match(items[2]!.message, /\(专栏3\), 004_bbd791d959e76594\.txt line 1168, gives "4\.37"; the reported result, .*"4\.4" \(the same figure, rounded\)$/);
  assert.doesNotMatch(items[1]!.message, /rounded/, '77.39 is not 78 rounded');
  // Equal figures (the 2020 good-air days, 346 in both) are not listed.
  assert.ok(!items.some((i) => i.indicator === 'air_quality_good_days'));
});

test('check-data lists values on a changed definition (口径调整) with how it changed', () => {
  const data = scratchData();
  const file = join(data, 'observations', 'wanzhou-2024.csv');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^(wanzhou,2024,fdi_actual,result,854,),(wanzhou-plan-2024,167,),,$/m, '$1definition_changed,$2,按新口径统计,counted on the new definition'));
  const items = dataQuality(loadDataset(data)).filter((i) => i.kind === 'changed_definition');
  assert.deepEqual(items.map((i) => [i.indicator, i.year, i.message]), [['fdi_actual', 2024, 'wanzhou 2024 Foreign investment actually used result "854" is measured on a changed definition (口径调整), not judged against its target: counted on the new definition']]);
  assert.match(briefing('check-data', '--data', data).stdout, /## Values on a changed definition \(口径调整\), not judged: 1\n/);
});
