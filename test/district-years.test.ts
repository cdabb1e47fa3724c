// Every district-year the data supports renders, with a scorecard only where a target table exists.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { analyseDistrictYear } from '../src/analyse/findings.js';
import { renderBriefing, yearsWithData } from '../src/pipeline.js';
import { workspace } from './helpers.js';

const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf, encoding: 'utf8' }).replace(/\s+/g, '');

test('the data supports the four district-years', () => {
  const data = workspace().data;
  assert.ok(yearsWithData(data, 'wanzhou').includes(2022) && yearsWithData(data, 'wanzhou').includes(2024));
  assert.ok(yearsWithData(data, 'dadukou').includes(2024));
  assert.ok(yearsWithData(data, 'fuling').includes(2024));
});

test('Dadukou and Fuling 2024: results and next targets, no invented scorecard', async () => {
  for (const district of ['dadukou', 'fuling']) {
    const f = analyseDistrictYear(workspace().data, district, 2024);
    assert.equal(f.scorecard.length, 0, district);
    assert.ok(f.nextTargets.length >= 20, `${district} 2025 targets`);
    const [pdf] = await renderBriefing(workspace(), { district, year: 2024, langs: ['zh-en'], formats: ['pdf'], outDir: 'output' });
    const text = pdfText(pdf!.data);
    assert.ok(text.includes('本年度来源文件未发布目标完成情况表'), district);
    assert.ok(text.includes('2025年主要目标'), district);
  }
  const fuling = analyseDistrictYear(workspace().data, 'fuling', 2024);
  const gdp = fuling.headline.find((h) => h.indicator.id === 'gdp');
  assert.ok(gdp?.marks.includes('estimate'), 'Fuling GDP is an estimate (预计)');
});

test('Wanzhou 2022: scorecard of the 2022 table', async () => {
  const f = analyseDistrictYear(workspace().data, 'wanzhou', 2022);
  assert.ok(f.scorecard.length >= 20);
  const [pdf] = await renderBriefing(workspace(), { district: 'wanzhou', year: 2022, langs: ['en'], formats: ['pdf'], outDir: 'output' });
  assert.ok(pdfText(pdf!.data).includes('Targetsandresults'));
});

test('Wanzhou 2024: trend from the plan base and progress toward the plan, definitions told apart', () => {
  const f = analyseDistrictYear(workspace().data, 'wanzhou', 2024);
  assert.ok(f.trendColumns.some((c) => c.kind === 'base' && c.year === 2020));
  assert.ok(f.trendColumns.some((c) => c.kind === 'result' && c.year === 2022));
  assert.ok(f.trendColumns.some((c) => c.kind === 'fyp_target' && c.year === 2025));
  const urbanisation = f.planProgress.find((r) => r.indicator.id === 'urbanisation_rate');
  assert.equal(urbanisation?.latest?.chosen.used.text, '71.5');
  assert.equal(urbanisation?.evaluation.status, 'not_met');
  const growth = f.planProgress.find((r) => r.indicator.id === 'gdp_growth_5y_avg');
  if (growth?.latest) {
    assert.equal(growth.evaluation.status, 'not_comparable');
    assert.equal(growth.differentDefinition?.id, 'gdp_growth');
  }
});

test('compared with peers: ranked among districts with data for the year, or a sentence saying why not', async () => {
  const [dadukou] = await renderBriefing(workspace(), { district: 'dadukou', year: 2024, langs: ['zh'], formats: ['pdf'], outDir: 'output' });
  const text = pdfText(dadukou!.data);
  assert.ok(text.includes('与其他区县比较'));
  assert.ok(text.includes('地区生产总值增速（%）5.8%第3/3'), 'Dadukou GDP growth ranks third of three');
  const [wanzhou2022] = await renderBriefing(workspace(), { district: 'wanzhou', year: 2022, langs: ['en'], formats: ['pdf'], outDir: 'output' });
  assert.ok(pdfText(wanzhou2022!.data).includes('Nootherdistrictinthedatapublishesfiguresforthisyear'));
});
