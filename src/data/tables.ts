// Where a data table's rows are: CSV files and Excel workbooks in data/<table>/, and sheets named by table in data/*.xlsx.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic, DiagnosticError, type Diagnostic } from '../diagnostics.js';
import { readCsv, readWorkbook, sheetRecords, type FieldRecord } from './read-files.js';
import type { Sheet } from './read-xlsx.js';

import { TABLES, type Table } from '../output-options.js';
export { TABLES, type Table };

export interface TableSource {
  /** How diagnostics name it: data/observations/wanzhou-2024.csv, data/data.xlsx [observations]. */
  file: string;
  records: FieldRecord[];
}

type NamedSheet = Sheet & { file: string };

function collect<T>(diagnostics: Diagnostic[], read: () => T[]): T[] {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    diagnostics.push(...e.diagnostics);
    return [];
  }
}

const filesOf = (dir: string, pattern: RegExp) => (existsSync(dir) ? readdirSync(dir).filter((f) => pattern.test(f) && !f.startsWith('~$')).sort() : []);

/** The sheets of workbooks at the top of data/, by table; a sheet named after no table is an error. */
export function topWorkbookSheets(dataDir: string, diagnostics: Diagnostic[]): Map<Table, NamedSheet[]> {
  const byTable = new Map<Table, NamedSheet[]>();
  for (const name of filesOf(dataDir, /\.xlsx$/i)) {
    for (const sheet of collect(diagnostics, () => readWorkbook(join(dataDir, name), `data/${name}`))) {
      const table = TABLES.find((t) => t === sheet.name.trim());
      if (table) byTable.set(table, [...(byTable.get(table) ?? []), sheet]);
      else diagnostics.push(diagnostic('error', 'unknownSheet', { file: `data/${name}` }, sheet.name, TABLES));
    }
  }
  return byTable;
}

/** Every source of the table's rows, read and header-checked; unreadable ones are reported and skipped. */
export function tableSources(
  dataDir: string, table: Table, columns: readonly string[], optional: readonly string[],
  topSheets: Map<Table, NamedSheet[]>, diagnostics: Diagnostic[],
): TableSource[] {
  const dir = join(dataDir, table);
  const sources: TableSource[] = [];
  const add = (file: string, read: () => FieldRecord[]) => {
    const records = collect(diagnostics, read);
    sources.push({ file, records });
  };
  for (const name of filesOf(dir, /\.(csv|xlsx)$/i)) {
    const file = `data/${table}/${name}`;
    if (/\.csv$/i.test(name)) add(file, () => readCsv(join(dir, name), file, columns, optional));
    else for (const sheet of collect(diagnostics, () => readWorkbook(join(dir, name), file))) add(sheet.file, () => sheetRecords(sheet, columns, optional));
  }
  for (const sheet of topSheets.get(table) ?? []) add(sheet.file, () => sheetRecords(sheet, columns, optional));
  return sources;
}
