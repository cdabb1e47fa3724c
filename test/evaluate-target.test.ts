// The rule table (docs/target-rules.md), row by row, and every Wanzhou 2024 scorecard verdict.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateTarget, type TargetStatus } from '../src/analyse/evaluate-target.js';
import { analyseDistrictYear } from '../src/analyse/findings.js';
import { parseValue } from '../src/data/parse-value.js';
import type { Flag, Indicator, Observation } from '../src/data/types.js';
import { workspace } from './helpers.js';

function indicator(direction: Indicator['direction'], unit = '%'): Indicator {
  return { id: 'x', name: { zh: 'x', en: 'x' }, aliases: [], unit, measure: 'growth', direction, nature: 'expected', category: 'economy', scale: 'relative', concept: 'x', order: 0 };
}
function obs(text: string, flags: Flag[] = []): Observation {
  const parsed = parseValue(text, ['%', '亿元']);
  assert.ok(parsed.ok, text);
  return {
    district: 'd', year: 2024, indicator: 'x', kind: 'result', text, value: parsed.value, flags,
    source: { doc: 'd', line: 1, quote: text }, place: { file: 'f', line: 1 },
  };
}

// [direction, target, result, expected status, rule]
const RULES: [Indicator['direction'], string, string | undefined, TargetStatus, string][] = [
  ['up', '7', undefined, 'pending', 'result-pending'],
  ['up', '10以上', '市级暂未反馈', 'pending', 'result-pending'],
  // a statement: met by the same statement (Ⅱ and II alike), otherwise read by a person
  ['up', '稳定保持II类', '稳定保持II类', 'met', 'same-statement'],
  ['up', '稳定保持II类', '稳定保持Ⅱ类', 'met', 'same-statement'],
  ['up', '完成市级下达任务', '完成市级下达任务', 'met', 'same-statement'],
  ['up', '总体保持II类', '稳定保持II类', 'qualitative', 'qualitative'],
  ['up', '稳定保持II类', '稳定保持III类', 'qualitative', 'qualitative'],
  ['up', '上级下达任务', '5', 'qualitative', 'qualitative'],
  ['up', '较2023年提升0.3个百分点以上', '1.66', 'not_comparable', 'change-vs-level'],
  ['up', '较2023年提升0.3个百分点以上', '较2023年提升0.5个百分点', 'met', 'at_least-up'],
  ['up', '较2023年提升0.3个百分点以上', '较2023年提升0.2个百分点', 'not_met', 'at_least-up'],
  ['up', '较2023年提升0.3个百分点以上', '较2022年提升0.5个百分点', 'not_comparable', 'different-base'],
  ['up', '80亿元', '86.2%', 'not_comparable', 'different-unit'],
  ['neutral', '7', '7', 'qualitative', 'no-direction'],
  // exact target: the good direction decides
  ['up', '7', '7', 'met', 'exact-up'],
  ['up', '7', '7.5', 'met', 'exact-up'],
  ['up', '7', '6.8', 'not_met', 'exact-up'],
  ['down', '5.5', '5.3', 'met', 'exact-down'],
  ['down', '5.5', '5.6', 'not_met', 'exact-down'],
  // 以上 / 不低于: at least, the number itself included
  ['up', '10以上', '10', 'met', 'at_least-up'],
  ['up', '10以上', '9.9', 'not_met', 'at_least-up'],
  ['down', '10以上', '12', 'met', 'at_least-down'],
  // 超 / 突破: strictly above
  ['up', '超10', '10', 'not_met', 'above-up'],
  ['up', '超10', '10.1', 'met', 'above-up'],
  // 以内 / 以下: at most, the number itself included
  ['down', '103以内', '103', 'met', 'at_most-down'],
  ['down', '103以内', '103.1', 'not_met', 'at_most-down'],
  ['down', '0.035以下', '0.035', 'met', 'below-down'],
  ['down', '0.035以下', '0.04', 'not_met', 'below-down'],
  // ＜ / <: strictly below, the number itself excluded
  ['down', '<5.5', '5.5', 'not_met', 'below-down'],
  ['down', '＜5.5', '5.4', 'met', 'below-down'],
  ['down', '5.5', '<5.5', 'met', 'exact-down'],
  ['down', '<0.025', '0.025以下', 'not_comparable', 'bound-vs-bound'],
  // 余 / ＞: more than; 约 / 近: about
  ['up', '10', '10余', 'met', 'exact-up'],
  ['up', '>300', '300', 'not_met', 'above-up'],
  ['up', '约7', '6.7', 'met', 'about-up'],
  ['up', '近7', '6.6', 'not_met', 'about-up'],
  // a ratio or structure is read by a person
  ['neutral', '9.8:38.5:51.7', '9.5:38.9:51.6', 'qualitative', 'qualitative'],
  ['neutral', '9.8:38.5:51.7', '9.8:38.5:51.7', 'qualitative', 'qualitative'],
  // 左右: 5% of the target allowed on the wrong side
  ['up', '7左右', '6.8', 'met', 'about-up'],
  ['up', '7左右', '6.65', 'met', 'about-up'],
  ['up', '7左右', '6.6', 'not_met', 'about-up'],
  ['up', '50左右', '60', 'met', 'about-up'],
  ['down', '5左右', '5.25', 'met', 'about-down'],
  ['down', '5左右', '5.3', 'not_met', 'about-down'],
  ['neutral', '100左右', '104', 'met', 'about-neutral'],
  ['neutral', '100左右', '106', 'not_met', 'about-neutral'],
  // 正增长: above zero
  ['up', '正增长', '0.1', 'met', 'positive-up'],
  ['up', '正增长', '0', 'not_met', 'positive-up'],
  // a result that is itself a bound
  ['up', '122.8以上', '122.8以上', 'met', 'at_least-up'],
  ['down', '5.5以内', '5.5%以内', 'met', 'at_most-down'],
  ['up', '10以上', '12以内', 'not_comparable', 'bound-vs-bound'],
];

for (const [direction, target, result, status, rule] of RULES) {
  test(`rule: ${direction} target "${target}", result "${result ?? '(none)'}" → ${status}`, () => {
    assert.deepEqual(evaluateTarget(indicator(direction), obs(target), result === undefined ? undefined : obs(result)), { status, rule });
  });
}

test('a revised base makes a relative result not comparable', () => {
  const r = evaluateTarget(indicator('up'), obs('较2023年提升0.3个百分点以上'), obs('较2023年预计完成情况提升0.5个百分点', ['estimate', 'base_revised']));
  assert.deepEqual(r, { status: 'not_comparable', rule: 'different-base' });
});

test('a result on a changed definition (口径调整) is not comparable, whatever it says; a pending one stays pending', () => {
  const changed = (text: string) => obs(text, ['definition_changed']);
  assert.deepEqual(evaluateTarget(indicator('up'), obs('7'), changed('7.5')), { status: 'not_comparable', rule: 'definition-changed' });
  assert.deepEqual(evaluateTarget(indicator('up'), obs('7'), changed('6')), { status: 'not_comparable', rule: 'definition-changed' });
  assert.deepEqual(evaluateTarget(indicator('up'), obs('稳定保持II类'), changed('稳定保持II类')), { status: 'not_comparable', rule: 'definition-changed' });
  assert.deepEqual(evaluateTarget(indicator('up'), changed('7'), obs('7.5')), { status: 'not_comparable', rule: 'definition-changed' });
  assert.deepEqual(evaluateTarget(indicator('up'), obs('7'), changed('市级暂未反馈')), { status: 'pending', rule: 'result-pending' });
});

test('Wanzhou 2024: every scorecard verdict', () => {
  const f = analyseDistrictYear(workspace().data, 'wanzhou', 2024);
  const verdicts = Object.fromEntries(f.scorecard.map((r) => [r.indicator.id, r.evaluation.status]));
  assert.equal(f.scorecard.length, 37);
  assert.deepEqual(f.statusCounts, { met: 21, not_met: 10, pending: 5, qualitative: 0, not_comparable: 1 });
  assert.equal(verdicts.gdp_growth, 'not_met');
  assert.equal(verdicts.grain_output, 'met');
  assert.equal(verdicts.cpi, 'met');
  assert.equal(verdicts.urban_unemployment_rate, 'met');
  assert.equal(verdicts.rd_intensity, 'not_comparable');
  assert.equal(verdicts.strategic_emerging_growth, 'pending');
  // 稳定保持II类 for the target 稳定保持II类: the same statement.
  assert.equal(verdicts.yangtze_water_quality, 'met');
  assert.equal(verdicts.fdi_actual, 'not_met');
});
