// Spreadsheet data entry: export → workbook → read back gives the same dataset; sheets named by table; sources by locator.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadDataset } from '../src/data/load.js';
import { readXlsx } from '../src/data/read-xlsx.js';
import type { Dataset } from '../src/data/types.js';
import { DiagnosticError } from '../src/diagnostics.js';
import { exportTable, observationRows, projectRows } from '../src/export.js';
import { scratchData, workspace } from './helpers.js';

/** The dataset without where each row stood in the files (which changes with the file it is read from). */
const content = (data: Dataset) => ({
  observations: data.observations.map(({ place: _, ...o }) => o),
  projects: data.projects.map(({ place: _, ...p }) => p),
  rows: [observationRows(data), projectRows(data)],
});

const removeTables = (data: string, table: string) => {
  for (const f of readdirSync(join(data, table))) rmSync(join(data, table, f));
};

test('XLSX round trip: export both tables as workbooks, read them in place of the CSVs: the same dataset', async () => {
  const original = workspace().data;
  const data = scratchData();
  for (const table of ['observations', 'projects'] as const) {
    const workbook = await exportTable(original, table, 'xlsx');
    assert.deepEqual(readXlsx(workbook).map((s) => s.name), [table]);
    removeTables(data, table);
    writeFileSync(join(data, table, `${table}.xlsx`), workbook);
  }
  const reread = loadDataset(data);
  assert.deepEqual(content(reread), content(original));
  assert.match(reread.observations[0]!.place.file, /^data\/observations\/observations\.xlsx \[observations\]$/);
});

test('CSV round trip (with its byte order mark), and one workbook at the top of data/ with sheets named by table', async () => {
  const original = workspace().data;
  const data = scratchData();
  removeTables(data, 'observations');
  writeFileSync(join(data, 'observations', 'all.csv'), await exportTable(original, 'observations', 'csv'));
  assert.deepEqual(content(loadDataset(data)), content(original));
  removeTables(data, 'projects');
  writeFileSync(join(data, 'workbook.xlsx'), await exportTable(original, 'projects', 'xlsx'));
  assert.deepEqual(content(loadDataset(data)), content(original));
});

test('a number typed into a cell reads as Excel shows it; a sheet named after no table is an error', async () => {
  const data = scratchData();
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Sheet1').addRow(['x']);
  writeFileSync(join(data, 'extra.xlsx'), Buffer.from(await book.xlsx.writeBuffer()));
  assert.throws(() => loadDataset(data), (e: DiagnosticError) => /data\/extra\.xlsx: error: sheet "Sheet1" is not a table/.test(e.message));
  const numbers = new ExcelJS.Workbook();
  numbers.addWorksheet('t').addRow([2024, 5.9, 0.1 + 0.2, '7左右', true]);
  const [sheet] = readXlsx(Buffer.from(await numbers.xlsx.writeBuffer()));
  assert.deepEqual(sheet!.rows[0]!.cells, ['2024', '5.9', '0.3', '7左右', 'TRUE']);
});

test('a source by locator instead of a line: the quote must stand somewhere in the document', () => {
  const data = scratchData();
  const csv = join(data, 'observations', 'dadukou-2024.csv');
  const lines = readFileSync(csv, 'utf8').split('\n');
  const [header, first] = lines as [string, string];
  // dadukou,2023,gdp,result,480.9亿元,base_revised,dadukou-plan-2024,10,<quote>,<note>
  const located = first.replace(',dadukou-plan-2024,10,', ',dadukou-plan-2024,,') + ',第一部分';
  writeFileSync(csv, [`${header},locator`, located, ''].join('\n'));
  const o = loadDataset(data).observations.find((x) => x.place.file.endsWith('dadukou-2024.csv'))!;
  assert.deepEqual({ line: o.source.line, locator: o.source.locator }, { line: undefined, locator: '第一部分' });
  writeFileSync(csv, [`${header},locator`, located.replace('480.9亿元,base', '480.9亿元,base').replace('达480.9亿元', '达490.9亿元'), first.replace(',10,', ',,') + ',', ''].join('\n'));
  assert.throws(() => loadDataset(data), (e: DiagnosticError) =>
    /dadukou-2024\.csv:2: quote: error: "[^"]*490\.9亿元" does not appear in dadukou-plan-2024/.test(e.message)
    && /dadukou-2024\.csv:3: line: error: give the source's line number \(line\) or where the value stands in it \(locator/.test(e.message));
});
