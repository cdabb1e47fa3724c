// Reads an indicator table (表1-style targets and results, five-year-plan tables) into draft observations.
import { lookupName, proposedId, unitInName } from './catalogue.js';
import type { DraftObservation, ImportContext, ProposedIndicator } from './draft.js';
import { squash, type Cell, type Table } from './tables.js';

type Kind = DraftObservation['kind'];

interface Column {
  role: 'seq' | 'name' | 'unit' | 'nature' | 'value' | 'other';
  year?: number;
  kind?: Kind;
  /** A column of five-year average growth rates (年均增长). */
  average?: boolean;
  estimate?: boolean;
}

const norm = (s: string) => squash(s.normalize('NFKC'));
const NATURE = /^(预期性|约束性)$/;
const SEQ = /^\d{1,3}$/;

/** A cell holding a value rather than a name: digits with at most a few words, or a short qualitative statement. */
export function valueLike(text: string): boolean {
  const t = norm(text);
  if (!t || t === '—' || t === '-') return false;
  const words = t.replace(/[\x00-\x7f]/g, '').length;
  if (/\d/.test(t)) return words <= 5 && !/[(（]/.test(t);
  return /^(总体|稳定|保持|稳定保持|总体保持)*[ⅠⅡⅢⅣIV]+类$|暂未反馈|^上级下达|^完成.*任务$|^正增长$/.test(t);
}

/** Classifies the header cells into columns; undefined when the table holds no indicator values. */
function columnsOf(headers: string[], caption: string, ctx: ImportContext): Column[] | undefined {
  const captionYear = Number(/(\d{4})年/.exec(caption)?.[1] ?? ctx.year);
  const fiveYear = /十[三四五]五|规划|五年/.test(caption);
  const columns: Column[] = headers.map((h) => {
    const t = norm(h);
    if (/^序号$/.test(t)) return { role: 'seq' };
    if (/指标名称|^指标$|^名称$/.test(t)) return { role: 'name' };
    if (/^单位$|计量单位/.test(t)) return { role: 'unit' };
    if (/属性/.test(t)) return { role: 'nature' };
    if (/年均增[长速]/.test(t)) return { role: 'value', kind: 'fyp_target', average: true };
    const year = /(\d{4})年?(.*)$/.exec(t);
    const word = year ? year[2]! : t;
    const y = year ? Number(year[1]) : captionYear;
    if (/基数|基期|现状/.test(word)) return { role: 'value', year: y, kind: 'base' };
    if (/目标|计划|预期/.test(word)) return { role: 'value', year: y, kind: 'target' };
    if (/完成|实际|执行|预计/.test(word)) return { role: 'value', year: y, kind: 'result', estimate: /预计/.test(word) };
    if (year && word === '') return { role: 'value', year: y };
    return { role: 'other' };
  });
  const bare = columns.filter((c) => c.role === 'value' && !c.kind);
  bare.forEach((c, i) => {
    c.kind = bare.length > 1 ? (i === 0 ? 'base' : 'fyp_target') : fiveYear ? 'fyp_target' : 'target';
  });
  for (const c of columns) if (c.average) c.year = Math.max(...columns.map((k) => k.year ?? 0).filter(Boolean), captionYear);
  if (!columns.some((c) => c.role === 'name') || !columns.some((c) => c.role === 'value')) return undefined;
  return columns;
}

interface Row {
  name: Cell;
  unit?: string;
  nature?: string;
  values: (Cell | undefined)[];
}

/** Header texts of a table whose rows are marked: the leading rows that hold no value, joined column by column. */
function markedRows(table: Table): { headers: string[]; body: Cell[][] } {
  const rows = table.rows!;
  let h = 0;
  while (h < rows.length && !rows[h]!.some((c) => valueLike(c.text) && !SEQ.test(norm(c.text)))) h++;
  h = Math.max(1, Math.min(h, 3));
  const width = Math.max(...rows.slice(0, h).map((r) => r.length));
  const headers = Array.from({ length: width }, (_, i) => rows.slice(0, h).map((r) => r[i]?.text ?? '').join(''));
  return { headers, body: rows.slice(h) };
}

function rowsOfMarkedTable(table: Table, columns: Column[], body: Cell[][]): Row[] {
  const nameAt = columns.findIndex((c) => c.role === 'name');
  const unitAt = columns.findIndex((c) => c.role === 'unit');
  const natureAt = columns.findIndex((c) => c.role === 'nature');
  return body
    .filter((r) => r.length === columns.length && r[nameAt]?.text)
    .map((r) => ({
      name: r[nameAt]!,
      ...(unitAt >= 0 && r[unitAt]!.text ? { unit: r[unitAt]!.text } : {}),
      ...(natureAt >= 0 ? { nature: r[natureAt]!.text } : {}),
      values: columns.map((c, i) => (c.role === 'value' ? r[i] : undefined)),
    }));
}

/** Header cells of a table read from a PDF: up to the first row number; a bare year and the word under it are one header. */
function pdfHeaders(cells: Cell[]): { headers: string[]; start: number } | undefined {
  const start = cells.findIndex((c) => norm(c.text) === '1');
  if (start <= 0) return undefined;
  const headers: string[] = [];
  for (let i = 0; i < start; i++) {
    const t = norm(cells[i]!.text);
    if (!t) continue;
    const prev = headers[headers.length - 1];
    if (prev !== undefined && /^\d{4}年?$/.test(prev) && /^(目标|完成|基数|预计|实际|完成情况)$/.test(t)) headers[headers.length - 1] = prev + t;
    else headers.push(t);
  }
  return { headers, start };
}

/** Records of a table read from a PDF: each starts at its row number (or "#" for a sub-indicator); wrapped names and split numbers are joined. */
function rowsOfPdfTable(cells: Cell[], columns: Column[], start: number): Row[] {
  const valueColumns = columns.filter((c) => c.role === 'value').length;
  const rows: Row[] = [];
  let i = start;
  let n = 1;
  const startsRecord = (at: number) => isRowStart(cells, at, n) || norm(cells[at]!.text).startsWith('#');
  while (i < cells.length && startsRecord(i)) {
    const numbered = !norm(cells[i]!.text).startsWith('#');
    if (numbered) n++;
    const first = numbered ? i + 1 : i;
    let end = first + 1;
    const limit = Math.min(cells.length, first + 16);
    while (end < limit && !startsRecord(end) && norm(cells[end]!.text) !== '序号') end++;
    const row = pdfRecord(cells.slice(first, end), valueColumns, columns);
    if (!row) break;
    rows.push(row);
    if (end >= limit) break;
    i = end;
    if (norm(cells[i]!.text) === '序号') while (i < cells.length && !startsRecord(i)) i++;
  }
  return rows;
}

const isRowStart = (cells: Cell[], at: number, n: number) =>
  norm(cells[at]!.text) === String(n) && at + 1 < cells.length && !valueLike(cells[at + 1]!.text) && !NATURE.test(norm(cells[at + 1]!.text));

function pdfRecord(record: Cell[], valueCount: number, columns: Column[]): Row | undefined {
  let k = 0;
  const nameParts: Cell[] = [];
  // A name wrapped inside its parentheses ("城区空气质量优良天数(按" "2015 年标准)") takes the cell that closes them.
  const open = () => { const t = nameParts.map((c) => c.text).join(''); return (t.match(/[(（]/g)?.length ?? 0) > (t.match(/[)）]/g)?.length ?? 0); };
  while (k < record.length && (nameParts.length === 0 || (open() && /[)）]/.test(record[k]!.text)) || (!valueLike(record[k]!.text) && !NATURE.test(norm(record[k]!.text))))) {
    const cell = record[k++]!;
    // A unit on a line of its own ("%") belongs in the name's parentheses.
    nameParts.push(/^[%‰]$/.test(norm(cell.text)) ? { ...cell, text: `(${norm(cell.text)})` } : cell);
  }
  if (!nameParts.length) return undefined;
  const values: Cell[] = [];
  let nature: string | undefined;
  for (; k < record.length && values.length <= valueCount; k++) {
    const cell = record[k]!;
    const t = norm(cell.text);
    if (NATURE.test(t)) nature = t;
    else if (valueLike(cell.text)) {
      const last = values[values.length - 1];
      if (last && /[.:：]$/.test(norm(last.text))) values[values.length - 1] = { text: norm(last.text) + t, line: last.line, lineEnd: cell.lineEnd ?? cell.line };
      else if (values.length < valueCount) values.push(cell);
    } else if (values.length) break;
  }
  // Fewer values than columns: a missing cell is the first (a base year not given).
  const padded: (Cell | undefined)[] = [...Array(valueCount - values.length).fill(undefined), ...values];
  let v = 0;
  const name = { text: nameParts.map((c) => c.text.trim()).join(''), line: nameParts[0]!.line };
  return { name, ...(nature ? { nature } : {}), values: columns.map((c) => (c.role === 'value' ? padded[v++] : undefined)) };
}

/** Draft observations of one indicator table; names the catalogue lacks become proposed indicators. */
export function readIndicatorTable(table: Table, ctx: ImportContext, proposed: Map<string, ProposedIndicator>): DraftObservation[] {
  let columns: Column[] | undefined;
  let rows: Row[] = [];
  if (table.rows) {
    const { headers, body } = markedRows(table);
    columns = columnsOf(headers, table.caption, ctx);
    if (columns) rows = rowsOfMarkedTable(table, columns, body);
  } else {
    const head = pdfHeaders(table.cells);
    if (head) columns = columnsOf(head.headers, table.caption, ctx);
    if (head && columns) rows = rowsOfPdfTable(table.cells, columns, head.start);
  }
  if (!columns) return [];
  const fiveYearTable = columns.some((c) => c.kind === 'base' || c.kind === 'fyp_target') || ctx.lines.slice(0, 12).some((l) => /五年规划/.test(l));
  const out: DraftObservation[] = [];
  for (const row of rows) {
    const printedUnit = unitInName(row.name.text, ctx.catalogue.units) ?? (row.unit ? unitInName(`(${row.unit.replace(/[()（）]/g, '')})`, ctx.catalogue.units) : undefined);
    row.values.forEach((cell, i) => {
      const column = columns![i]!;
      if (!cell || column.role !== 'value') return;
      const text = squash(cell.text);
      if (!text || /^[—–-]+$/.test(text)) return;
      const name = column.average && !/年均/.test(row.name.text) ? `${row.name.text.replace(/[(（].*$/, '')}年均增速` : row.name.text;
      const entry = lookupName(ctx.catalogue, name, { unit: printedUnit, cumulative: fiveYearTable && !column.average });
      const id = entry?.id ?? proposedId(name);
      if (!entry && !proposed.has(id)) proposed.set(id, { id, zh: squash(name.normalize('NFKC')).replace(/^[*#]+/, '').replace(/\([^()]*\)?$/, ''), unit: printedUnit ?? '', line: row.name.line });
      out.push({
        district: ctx.district,
        year: column.year!,
        indicator: id,
        kind: column.kind!,
        text,
        flags: ['draft', ...(column.estimate ? ['estimate'] : [])],
        doc: ctx.doc,
        line: cell.line,
        ...(cell.lineEnd ? { lineEnd: cell.lineEnd } : {}),
        quote: '',
        note: '',
        nature: row.nature ? norm(row.nature) : '',
        table: table.label,
        name: squash(row.name.text),
        unit: printedUnit ?? '',
        proposed: !entry,
      });
    });
  }
  return out;
}
