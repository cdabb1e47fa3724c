// export and check-data: stable columns, every value with its source, the quality items the data holds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { dataQuality } from '../src/analyse/data-quality.js';
import { EXPORT_COLUMNS } from '../src/export.js';
import { ROOT, workspace } from './helpers.js';

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
