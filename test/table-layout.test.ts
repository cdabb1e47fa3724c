// Table text breaks only where a reader expects it, and each column holds its widest unbreakable piece.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segments, unbreakable } from '../src/render/cell-breaks.js';
import { fitColumns } from '../src/render/column-widths.js';
import type { Table } from '../src/ir/types.js';

test('a value, a short phrase, a quoted term and a bracket are kept whole; longer Chinese may break', () => {
  assert.deepEqual(segments('1000以上'), [{ text: '1000以上', keep: true }]);
  assert.deepEqual(segments('市级暂未反馈'), [{ text: '市级暂未反馈', keep: true }]);
  assert.deepEqual(segments('6.5左右（预计，第2）').map((s) => s.keep), [true, true]);
  assert.deepEqual(segments('较2023年预计完成情况提升0.3个百分点以上').map((s) => [s.text, s.keep]), [['较2023年预计完成情况提升', false], ['0.3个百分点以上', true]]);
  assert.deepEqual(segments('（预计，基数修订，来源不一）').map((s) => s.text), ['（预计，', '基数修订，', '来源不一）']);
  // A quotation mark holds to its neighbours (Unicode line breaking): the term and the year make one piece.
  assert.deepEqual(unbreakable('“十四五”2025年目标'), ['“十四五”2025年目标']);
  assert.deepEqual(unbreakable('Value added of industry (%)'), ['Value', 'added', 'of', 'industry', '(%)']);
  assert.ok(unbreakable('规上工业增加值增速').every((p) => [...p].length === 1), 'Chinese text breaks between characters');
});

test('columns narrower than their widest piece take room from those with room to spare', () => {
  const cell = (text: string) => ({ children: [{ type: 'text' as const, value: text }] });
  const table: Table = {
    type: 'table', id: 't', caption: [], align: ['left', 'right'], widths: [3, 1], subRows: [],
    header: [cell('Indicator'), cell('Value')], rows: [[cell('GDP'), cell('extraordinarily')]],
  };
  const width = (text: string) => text.length * 5;
  assert.deepEqual(fitColumns({ ...table, rows: [[cell('GDP'), cell('6.8')]] }, 200, width), [3, 1], 'the template widths where everything fits');
  const fitted = fitColumns(table, 200, width);
  const share = fitted[1]! / (fitted[0]! + fitted[1]!) * 200;
  assert.ok(share >= 'extraordinarily'.length * 5 - 0.1, `the narrow column holds its word (${share})`);
});
