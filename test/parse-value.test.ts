// Every qualifier and form of value found in the sources parses to the right form.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseValue } from '../src/data/parse-value.js';
import { formatPublished } from '../src/compose/format-value.js';

const UNITS = ['%', '亿元', '万元', '元', '万美元', '万吨', '万人', '万亩'];
const cases: [string, object][] = [
  ['7', { qualifier: 'exact', number: '7' }],
  ['6.8', { qualifier: 'exact', number: '6.8' }],
  ['7左右', { qualifier: 'about', number: '7' }],
  ['10以上', { qualifier: 'at_least', number: '10' }],
  ['103以内', { qualifier: 'at_most', number: '103' }],
  ['0.035以下', { qualifier: 'below', number: '0.035' }],
  ['不低于122.8', { qualifier: 'at_least', number: '122.8' }],
  ['突破1700亿元', { qualifier: 'above', number: '1700', unit: '亿元' }],
  ['超45万吨', { qualifier: 'above', number: '45', unit: '万吨' }],
  ['82.9亿元', { qualifier: 'exact', number: '82.9', unit: '亿元' }],
  ['5.5%以内', { qualifier: 'at_most', number: '5.5', unit: '%' }],
  ['45286元', { qualifier: 'exact', number: '45286', unit: '元' }],
  ['-0.9', { qualifier: 'exact', number: '-0.9' }],
  ['≥300', { qualifier: 'at_least', number: '300' }],
  ['≤14', { qualifier: 'at_most', number: '14' }],
  ['−9.4%', { qualifier: 'exact', number: '-9.4', unit: '%' }],
  ['市级暂未反馈', { qualifier: 'pending' }],
  ['正增长', { qualifier: 'positive' }],
  ['稳定保持II类', { qualifier: 'qualitative' }],
  ['上级下达任务', { qualifier: 'qualitative' }],
  ['完成市级下达任务', { qualifier: 'qualitative' }],
  ['与GDP增长同步', { qualifier: 'qualitative' }],
  ['较2023年提升0.3个百分点以上', { qualifier: 'at_least', number: '0.3', unit: '百分点', change: { baseYear: 2023, baseIsEstimate: false } }],
  ['较2023年预计完成情况提升0.5个百分点', { qualifier: 'exact', number: '0.5', unit: '百分点', change: { baseYear: 2023, baseIsEstimate: true } }],
  ['30余万人', { qualifier: 'above', number: '30', unit: '万人' }],
  ['700余', { qualifier: 'above', number: '700' }],
  ['100多', { qualifier: 'above', number: '100' }],
  ['近30亿元', { qualifier: 'about', number: '30', unit: '亿元' }],
  ['约5%', { qualifier: 'about', number: '5', unit: '%' }],
  ['>300', { qualifier: 'above', number: '300' }],
  ['<5.5', { qualifier: 'below', number: '5.5', strict: true }],
  ['＜0.025', { qualifier: 'below', number: '0.025', strict: true }],
  ['9.8:38.5:51.7', { qualifier: 'qualitative', ratio: ['9.8', '38.5', '51.7'] }],
  ['0.3∶40.7∶59', { qualifier: 'qualitative', ratio: ['0.3', '40.7', '59'] }],
  ['较2024年提高0.3个百分点', { qualifier: 'exact', number: '0.3', unit: '百分点', change: { baseYear: 2024, baseIsEstimate: false } }],
];

for (const [text, expected] of cases) {
  test(`parses "${text}"`, () => {
    assert.deepEqual(parseValue(text, UNITS), { ok: true, value: expected });
  });
}

test('rejects a number it cannot read rather than guessing', () => {
  for (const text of ['7,5', '7..5', '约7左右以上', '12a', '不低于5以上', '30余万人以上', '近30左右', '9.8:', ':38.5']) assert.deepEqual(parseValue(text, UNITS), { ok: false }, text);
});

test('keeps the published digits (no re-rounding)', () => {
  const parsed = parseValue('0.0350', UNITS);
  assert.ok(parsed.ok && parsed.value.number === '0.0350');
});

test('a strict bound reads "below" in English, an inclusive one "at most"; Chinese stays as published', () => {
  const unit = { id: '%', zh: '%', en: '%' };
  const english = (text: string) => {
    const parsed = parseValue(text, ['%']);
    assert.ok(parsed.ok);
    return [formatPublished({ text, value: parsed.value, unit, unitInText: true }, 'en', { withUnit: true }), formatPublished({ text, value: parsed.value, unit, unitInText: true }, 'zh', { withUnit: true })];
  };
  assert.deepEqual(english('＜5.5%'), ['below 5.5%', '＜5.5%']);
  assert.deepEqual(english('5.5%以内'), ['at most 5.5%', '5.5%以内']);
});
