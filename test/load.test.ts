// Broken data files give diagnostics that name the file, line and field.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadDataset } from '../src/data/load.js';
import { DiagnosticError, type Diagnostic } from '../src/diagnostics.js';
import { scratchData, workspace } from './helpers.js';

const OBS = 'observations/wanzhou-2024.csv';

/** Loads a copy of data/ after `edit`, and returns the diagnostics. */
function diagnosticsAfter(file: string, edit: (text: string) => string): Diagnostic[] {
  const dir = scratchData();
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  assert.notEqual(after, before, 'the edit must change the file');
  writeFileSync(path, after);
  try {
    loadDataset(dir);
  } catch (e) {
    assert.ok(e instanceof DiagnosticError);
    return e.diagnostics;
  }
  return assert.fail('expected diagnostics');
}

/** The 1-based line of the first line containing `needle`. */
function lineOf(file: string, needle: string): number {
  return readFileSync(join(scratchData(), file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
}

function expectOne(ds: Diagnostic[], code: string, file: string, line: number, field?: string): void {
  const match = ds.find((d) => d.code === code);
  assert.ok(match, `expected ${code}, got: ${ds.map((d) => d.code).join(', ')}`);
  assert.equal(match.place?.file, `data/${file}`);
  assert.equal(match.place?.line, line);
  if (field) assert.equal(match.place?.field, field);
}

test('the bundled data loads cleanly', () => {
  const data = workspace().data;
  assert.ok(data.observations.length > 100);
  assert.ok(data.projects.length > 100);
});

test('every observation quotes its source line (or the lines it runs over)', () => {
  const data = workspace().data;
  for (const o of data.observations) {
    assert.ok(o.source.line !== undefined, `${o.place.file}:${o.place.line}`);
    const lines = data.documents.get(o.source.doc)!.lines.slice(o.source.line - 1, o.source.lineEnd ?? o.source.line).join('').replace(/\s/g, '');
    assert.ok(lines.includes(o.source.quote.replace(/\s/g, '')), `${o.place.file}:${o.place.line}`);
  }
});

const OBS_2022 = 'observations/wanzhou-2022.csv';
const SPLIT = 'wanzhou,2023,rd_intensity,target,较2022年提升0.2个百分点,,wanzhou-plan-2022,269,,,,271';

test('a value split across two source lines: line and line_end, the quote read over the lines joined', () => {
  const o = workspace().data.observations.find((x) => x.source.doc === 'wanzhou-plan-2022' && x.source.line === 269)!;
  assert.deepEqual([o.text, o.source.line, o.source.lineEnd, o.value.change?.baseYear], ['较2022年提升0.2个百分点', 269, 271, 2022]);
  const line = lineOf(OBS_2022, SPLIT);
  const edit = (to: string) => diagnosticsAfter(OBS_2022, (t) => t.replace(SPLIT, to));
  // Line 269 alone does not hold it, nor lines 269-270.
  expectOne(edit(SPLIT.replace(/,271$/, ',')), 'quoteNotOnLine', OBS_2022, line, 'quote');
  expectOne(edit(SPLIT.replace(/,271$/, ',270')), 'quoteNotOnLines', OBS_2022, line, 'quote');
  // A range no wider than the quote: 268-271 holds it, but 269-271 does too.
  expectOne(edit(SPLIT.replace(',269,', ',268,')), 'lineRangeTooWide', OBS_2022, line, 'line_end');
  expectOne(edit(SPLIT.replace(/,271$/, ',269')), 'lineEndNotAfterLine', OBS_2022, line, 'line_end');
  expectOne(edit(SPLIT.replace(',269,', ',,')), 'lineEndNotAfterLine', OBS_2022, line, 'line_end');
  expectOne(edit(SPLIT.replace(/,271$/, ',99999')), 'lineOutOfRange', OBS_2022, line, 'line_end');
  expectOne(edit(SPLIT.replace(/,271$/, ',2x')), 'badLineNumber', OBS_2022, line, 'line_end');
});

test('bad number', () => {
  const line = lineOf(OBS, ',gdp_growth,target,7,');
  expectOne(diagnosticsAfter(OBS, (t) => t.replace(',gdp_growth,target,7,', ',gdp_growth,target,7.x,')), 'badNumber', OBS, line, 'text');
});

test('unknown indicator id', () => {
  const line = lineOf(OBS, ',gdp_growth,target,7,');
  expectOne(diagnosticsAfter(OBS, (t) => t.replace(',gdp_growth,target,7,', ',gdp_grwoth,target,7,')), 'unknownIndicator', OBS, line, 'indicator');
});

test('unknown unit in the catalogue', () => {
  const file = 'indicators.yaml';
  const line = lineOf(file, 'unit: "万元"');
  expectOne(diagnosticsAfter(file, (t) => t.replace('unit: "万元"', 'unit: "万圆"')), 'unknownUnit', file, line, 'unit');
});

test('unit written in the value disagrees with the indicator', () => {
  const line = lineOf(OBS, 'budget_revenue,result,82.9亿元');
  expectOne(diagnosticsAfter(OBS, (t) => t.replace('budget_revenue,result,82.9亿元', 'budget_revenue,result,82.9万元')), 'unitMismatch', OBS, line, 'text');
});

test('missing translation', () => {
  const file = 'indicators.yaml';
  const line = lineOf(file, 'en: "Gross regional product, growth"');
  expectOne(diagnosticsAfter(file, (t) => t.replace('en: "Gross regional product, growth"', 'en: ""')), 'missingTranslation', file, line, 'en');
});

test('qualitative value without an English phrase', () => {
  const file = 'phrases.yaml';
  const ds = diagnosticsAfter(file, (t) => t.replace(/- zh: 上级下达任务\n  en: .*\n/, ''));
  assert.ok(ds.some((d) => d.code === 'missingTranslation' && d.place?.file === `data/${OBS}` && d.place.field === 'text'));
});

test('duplicate row', () => {
  const text = readFileSync(join(scratchData(), OBS), 'utf8').split('\n');
  const row = text.findIndex((l) => l.includes(',gdp_growth,target,7,')) ;
  const ds = diagnosticsAfter(OBS, (t) => `${t.trimEnd()}\n${text[row]}\n`);
  expectOne(ds, 'duplicateRow', OBS, text.filter((l) => l !== '').length + 1);
});

test('conflicting values without a preferred one', () => {
  const line = lineOf(OBS, '5.5%以内');
  const ds = diagnosticsAfter(OBS, (t) => t.replace(/^(wanzhou,2024,urban_unemployment_rate,result,5\.3,)preferred,/m, '$1,'));
  const d = ds.find((x) => x.code === 'conflictWithoutChoice');
  assert.ok(d, ds.map((x) => x.code).join());
  assert.equal(d.place?.field, 'flags');
  assert.ok([line, lineOf(OBS, 'urban_unemployment_rate,result,5.3')].includes(d.place!.line!));
});

test('a quote that is not on its cited line', () => {
  const line = lineOf(OBS, ',gdp_growth,target,7,');
  expectOne(diagnosticsAfter(OBS, (t) => t.replace(/(,gdp_growth,target,7,,wanzhou-plan-2024,)(\d+)/, (_m, a, n) => `${a}${Number(n) + 1}`)), 'quoteNotOnLine', OBS, line, 'quote');
});

test('bad kind and flag', () => {
  const line = lineOf(OBS, ',gdp_growth,target,7,');
  const ds = diagnosticsAfter(OBS, (t) => t.replace(',gdp_growth,target,7,,', ',gdp_growth,goal,7,guess,'));
  expectOne(ds, 'badEnum', OBS, line, 'kind');
  expectOne(ds, 'unknownFlag', OBS, line, 'flags');
});

test('CSV with a wrong header', () => {
  expectOne(diagnosticsAfter(OBS, (t) => t.replace('district,year,', 'district,yr,')), 'csvHeader', OBS, 1);
});

test('YAML syntax error names its line', () => {
  const file = 'districts.yaml';
  const ds = diagnosticsAfter(file, (t) => t.replace('- id: wanzhou', '- id: [wanzhou'));
  assert.equal(ds[0]?.code, 'yamlSyntax');
  assert.equal(ds[0]?.place?.file, 'data/districts.yaml');
  assert.ok((ds[0]?.place?.line ?? 0) >= 1);
});

test('all problems are reported at once', () => {
  const ds = diagnosticsAfter(OBS, (t) => t.replace(',gdp_growth,target,7,', ',gdp_grwoth,target,7,').replace(',cpi,target,103以内,', ',cpi,target,103以内x,'));
  assert.ok(ds.some((d) => d.code === 'unknownIndicator'));
  assert.ok(ds.some((d) => d.code === 'badNumber'));
});

test('a ratio (三次产业结构 0.3:40.7:59) loads as a ratio and needs no translation; a draft row is kept apart', () => {
  const dir = scratchData();
  writeFileSync(join(dir, 'indicators', 'structure.yaml'), '- id: industry_structure\n  zh: 三次产业结构\n  en: Structure of the three sectors\n  unit: 无\n  measure: ratio\n  direction: neutral\n  nature: expected\n  category: economy\n');
  const file = join(dir, 'observations', 'dadukou-2024.csv');
  writeFileSync(file, `${readFileSync(file, 'utf8')}dadukou,2024,industry_structure,result,0.3:40.7:59,,dadukou-plan-2024,10,三次产业比重优化为0.3:40.7:59,,\ndadukou,2024,gdp_growth,target,5.8%,draft,dadukou-plan-2024,10,同比（下同）增长5.8%,,\n`);
  const data = loadDataset(dir);
  const ratio = data.observations.find((o) => o.indicator === 'industry_structure')!;
  assert.deepEqual(ratio.value, { qualifier: 'qualitative', ratio: ['0.3', '40.7', '59'] });
  assert.equal(data.observations.some((o) => o.flags.includes('draft')), false);
  assert.deepEqual(data.drafts.observations.map((o) => o.text), ['5.8%']);
});

test('a changed definition (口径调整) says how it changed, in both languages', () => {
  const row = /^(wanzhou,2024,fdi_actual,result,[^,]+,)([^,]*),(.*)$/m;
  const line = lineOf(OBS, 'wanzhou,2024,fdi_actual,result,');
  const flagged = (note: string, noteEn: string) => (t: string) => t.replace(row, (_m, head: string, _flags: string, rest: string) => {
    const cells = rest.split(',');
    cells[3] = note;
    cells[4] = noteEn;
    return `${head}definition_changed,${cells.join(',')}`;
  });
  expectOne(diagnosticsAfter(OBS, flagged('', '')), 'definitionChangedWithoutNote', OBS, line, 'note');
  expectOne(diagnosticsAfter(OBS, flagged('按新口径统计', '')), 'definitionChangedNoteWithoutEnglish', OBS, line, 'note_en');
  const dir = scratchData();
  writeFileSync(join(dir, OBS), flagged('按新口径统计', 'counted on the new definition')(readFileSync(join(dir, OBS), 'utf8')));
  const o = loadDataset(dir).observations.find((x) => x.district === 'wanzhou' && x.year === 2024 && x.indicator === 'fdi_actual' && x.kind === 'result')!;
  assert.deepEqual([o.flags, o.note, o.noteEn], [['definition_changed'], '按新口径统计', 'counted on the new definition']);
});
