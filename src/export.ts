// Exports a data table (observations, projects) in the columns the data files use, as CSV, JSON or XLSX; the loader reads each back.
import type { Dataset } from './data/types.js';
import { OBSERVATION_COLUMNS, OBSERVATION_OPTIONAL_COLUMNS, OPTIONAL_COLUMNS, PROJECT_COLUMNS } from './data/load.js';
import { TABLES, type Table, type TableFormat } from './output-options.js';

export { TABLES, type Table };

type Row = Record<string, string | number | null>;

/** Columns of each table, in order: the data format's own, then the optional ones. */
export const EXPORT_COLUMNS: Record<Table, readonly string[]> = {
  observations: [...OBSERVATION_COLUMNS, ...OBSERVATION_OPTIONAL_COLUMNS],
  projects: [...PROJECT_COLUMNS, ...OPTIONAL_COLUMNS],
};

export function observationRows(data: Dataset): Row[] {
  return data.observations.map((o) => ({
    district: o.district,
    year: o.year,
    indicator: o.indicator,
    kind: o.kind,
    text: o.text,
    flags: o.flags.join(';'),
    doc: o.source.doc,
    line: o.source.line ?? '',
    // An empty quote means the value's text itself.
    quote: o.source.quote === o.text ? '' : o.source.quote,
    note: o.note ?? '',
    locator: o.source.locator ?? '',
    line_end: o.source.lineEnd ?? '',
    note_en: o.noteEn ?? '',
  }));
}

export function projectRows(data: Dataset): Row[] {
  return data.projects.map((p) => ({
    district: p.district, year: p.year, sector: p.sector, status: p.status,
    zh: p.name.zh, en: p.name.en, doc: p.source.doc, line: p.source.line ?? '', locator: p.source.locator ?? '', line_end: p.source.lineEnd ?? '',
  }));
}

function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Row[], columns: readonly string[]): string {
  return `${[columns.join(','), ...rows.map((r) => columns.map((c) => csvField(r[c] ?? '')).join(','))].join('\n')}\n`;
}

export function toJson(rows: Row[]): string {
  return `${JSON.stringify(rows, null, 1)}\n`;
}

/** A workbook with one sheet named after the table; numbers stay numbers, every published text stays text. */
export async function toXlsx(rows: Row[], columns: readonly string[], table: Table): Promise<Buffer> {
  // exceljs is large: loaded only when a workbook is written.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const date = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date(0);
  workbook.created = date;
  workbook.modified = date;
  const sheet = workbook.addWorksheet(table, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: Math.min(60, Math.max(c.length + 2, ...rows.slice(0, 200).map((r) => String(r[c] ?? '').length + 2))) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c, row[c] ?? ''])));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportTable(data: Dataset, table: Table, format: TableFormat): Promise<Buffer> {
  const rows = table === 'observations' ? observationRows(data) : projectRows(data);
  const columns = EXPORT_COLUMNS[table];
  if (format === 'xlsx') return toXlsx(rows, columns, table);
  // CSV starts with a UTF-8 byte order mark, so that Excel shows Chinese.
  return Buffer.from(format === 'json' ? toJson(rows) : `\ufeff${toCsv(rows, columns)}`);
}
