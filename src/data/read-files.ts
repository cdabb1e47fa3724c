// Reads YAML lists and CSV or Excel tables into records that remember the line each field came from.
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import { diagnostic, DiagnosticError, fail, type Diagnostic, type Place } from '../diagnostics.js';
import { isInside } from '../contained-path.js';
import { readXlsx, XlsxError, type Sheet, type SheetRow } from './read-xlsx.js';

export interface FieldRecord {
  line: number;
  get(field: string): string | undefined;
  lineOf(field: string): number;
  /** A nested map's fields, e.g. `short: { zh, en }`. */
  child(field: string): FieldRecord | undefined;
  /** A list of strings, e.g. `aliases: [..]`. */
  list(field: string): string[];
  /** Every string the record holds, nested maps and lists included, with its field path and line. */
  texts(): FieldText[];
}

export interface FieldText {
  field: string;
  line: number;
  text: string;
}

/** No data or source file is larger than this; a bigger one is refused before it is read. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Reads a regular file of at most MAX_FILE_BYTES as UTF-8. It is opened without blocking and checked on the
 * open descriptor, so a FIFO, a device (/dev/zero) or a folder is refused instead of hanging or filling memory.
 */
export function readText(path: string, displayName: string, place: Place = { file: displayName }): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) fail('notRegularFile', place, displayName);
    if (stat.size > MAX_FILE_BYTES) fail('fileTooLarge', place, displayName, stat.size, MAX_FILE_BYTES);
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.toString('utf8', 0, read);
  } catch (e) {
    if (e instanceof DiagnosticError) throw e;
    throw new DiagnosticError([diagnostic('error', 'fileUnreadable', place, (e as Error).message)]);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads a file named in the data (documents.yaml `file`): it must resolve, links followed, to a file inside `folder`. */
export function readFileInside(folder: string, name: string, displayName: string, place: Place): string {
  const path = resolve(folder, name);
  let real: string;
  try {
    real = realpathSync(path);
  } catch (e) {
    throw new DiagnosticError([diagnostic('error', 'fileUnreadable', place, (e as Error).message)]);
  }
  if (!isInside(realpathSync(folder), real)) fail('fileOutsideFolder', place, name, basename(folder));
  return readText(real, displayName, place);
}

function yamlRecord(node: Node, lines: LineCounter): FieldRecord {
  const lineAt = (offset: number | undefined) => (offset === undefined ? 0 : lines.linePos(offset).line);
  const entries = new Map<string, { node: Node | null; line: number }>();
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const value = pair.value as Node | null;
      entries.set(key, { node: value, line: lineAt((pair.key as Node | null)?.range?.[0]) });
    }
  }
  const line = lineAt(node.range?.[0]);
  return {
    line,
    get(field) {
      const entry = entries.get(field)?.node;
      if (!entry || !isScalar(entry) || entry.value === null || entry.value === undefined) return undefined;
      const value = entry.value instanceof Date ? entry.source ?? String(entry.value) : String(entry.value);
      return value.trim() === '' ? undefined : value;
    },
    lineOf: (field) => entries.get(field)?.line ?? line,
    child(field) {
      const entry = entries.get(field)?.node;
      return entry && isMap(entry) ? yamlRecord(entry, lines) : undefined;
    },
    list(field) {
      const entry = entries.get(field)?.node;
      if (!entry) return [];
      if (isSeq(entry)) return entry.items.map((item) => String(isScalar(item) ? item.value : item));
      return isScalar(entry) ? [String(entry.value)] : [];
    },
    texts() {
      const out: FieldText[] = [];
      const visit = (value: Node | null, field: string, line: number) => {
        if (isScalar(value) && typeof value.value === 'string') out.push({ field, line: lineAt(value.range?.[0]) || line, text: value.value });
        else if (isSeq(value)) value.items.forEach((item, i) => visit(item as Node, `${field}[${i}]`, line));
        else if (isMap(value)) for (const pair of value.items) visit(pair.value as Node | null, `${field}.${isScalar(pair.key) ? String(pair.key.value) : ''}`, lineAt((pair.key as Node | null)?.range?.[0]));
      };
      for (const [field, entry] of entries) visit(entry.node, field, entry.line);
      return out;
    },
  };
}

/** Reads a YAML file whose top level is a list of maps (or, with `key`, a map holding such a list under that key). */
export function readYamlList(path: string, displayName: string, key?: string): FieldRecord[] {
  const text = readText(path, displayName);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new DiagnosticError(doc.errors.map((e) => {
      const at = lines.linePos(e.pos[0]);
      return syntaxDiagnostic('yamlSyntax', displayName, text, at.line, at.col, e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
    }));
  }
  const contents = key && isMap(doc.contents) ? (doc.contents.get(key, true) as Node | undefined) ?? null : doc.contents;
  if (contents === null) return [];
  if (!isSeq(contents)) {
    throw new DiagnosticError([diagnostic('error', 'yamlSyntax', { file: displayName, line: 1 }, 'the top level must be a list')]);
  }
  return contents.items.map((item) => yamlRecord(item as Node, lines));
}

/** The line each CSV record starts on, from the byte offset at which each record ends (quoted fields may hold line breaks). */
function recordStartLines(text: string, ends: number[]): number[] {
  const bytes = Buffer.from(text);
  const starts: number[] = [];
  let offset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 1;
  for (const end of ends) {
    // Blank lines before a record are skipped by the parser.
    while (offset < bytes.length && (bytes[offset] === 0x0a || bytes[offset] === 0x0d)) {
      if (bytes[offset] === 0x0a) line++;
      offset++;
    }
    starts.push(line);
    for (; offset < end && offset < bytes.length; offset++) if (bytes[offset] === 0x0a) line++;
  }
  return starts;
}

/** A syntax error at a line (and column) of a file, with that line of the file shown. */
function syntaxDiagnostic(code: 'yamlSyntax' | 'csvSyntax', file: string, text: string, line: number | undefined, column: number | undefined, reason: string): Diagnostic {
  const shown = line ? text.split('\n')[line - 1]?.replace(/\r$/, '') : undefined;
  return { ...diagnostic('error', code, { file, ...(line ? { line } : {}), ...(column ? { column } : {}) }, reason), ...(shown !== undefined ? { excerpt: shown } : {}) };
}

/** Records of a table's rows; the header must hold every column of `columns`, and may hold the `optional` ones, in any order. */
function tableRecords(rows: SheetRow[], displayName: string, columns: readonly string[], optional: readonly string[]): FieldRecord[] {
  const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...body] = filled;
  if (!header) return [];
  const found = header.cells.map((c) => c.trim());
  while (found.length > 0 && found[found.length - 1] === '') found.pop();
  const known = [...columns, ...optional];
  if (columns.some((c) => !found.includes(c)) || found.some((c) => !known.includes(c)) || new Set(found).size !== found.length) {
    throw new DiagnosticError([diagnostic('error', 'csvHeader', { file: displayName, line: header.line }, columns.join(','), found.join(','))]);
  }
  return body.map(({ cells, line }) => ({
    line,
    get(field) {
      const index = found.indexOf(field);
      const value = index < 0 ? undefined : cells[index]?.trim();
      return value === undefined || value === '' ? undefined : value;
    },
    lineOf: () => line,
    child: () => undefined,
    texts: () => found.map((field, i) => ({ field, line, text: cells[i] ?? '' })).filter((t) => t.text !== ''),
    list(field) {
      return (this.get(field) ?? '').split(';').map((s) => s.trim()).filter(Boolean);
    },
  }));
}

/** Reads a CSV file whose header row holds `columns` (and perhaps some `optional` ones). */
export function readCsv(path: string, displayName: string, columns: readonly string[], optional: readonly string[] = []): FieldRecord[] {
  const text = readText(path, displayName);
  let rows: { record: string[]; info: { bytes: number } }[];
  try {
    rows = parseCsv(text, { info: true, skip_empty_lines: true, relax_column_count: false, bom: true }) as unknown as typeof rows;
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    const line = err.lines && err.lines > 0 ? err.lines : undefined;
    const reason = err.message.replace(/^(Invalid Record Length|Invalid Closing Quote|Invalid Opening Quote|Quote Not Closed)?:?\s*/, '$1: ').replace(/^: /, '');
    throw new DiagnosticError([syntaxDiagnostic('csvSyntax', displayName, text, line, undefined, reason)]);
  }
  const startLines = recordStartLines(text, rows.map((r) => r.info.bytes));
  return tableRecords(rows.map(({ record }, i) => ({ line: startLines[i]!, cells: record })), displayName, columns, optional);
}

/** A workbook's sheets; `name` is how diagnostics name a sheet's rows. */
export function readWorkbook(path: string, displayName: string): (Sheet & { file: string })[] {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) fail('notRegularFile', { file: displayName }, displayName);
    if (stat.size > MAX_FILE_BYTES) fail('fileTooLarge', { file: displayName }, displayName, stat.size, MAX_FILE_BYTES);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof DiagnosticError) throw e;
    throw new DiagnosticError([diagnostic('error', 'fileUnreadable', { file: displayName }, (e as Error).message)]);
  }
  try {
    return readXlsx(bytes).map((sheet) => ({ ...sheet, file: `${displayName} [${sheet.name}]` }));
  } catch (e) {
    if (e instanceof XlsxError) throw new DiagnosticError([diagnostic('error', 'fileUnreadable', { file: displayName }, e.message)]);
    throw e;
  }
}

/** A sheet's rows as records, checked like a CSV file's. */
export function sheetRecords(sheet: Sheet & { file: string }, columns: readonly string[], optional: readonly string[] = []): FieldRecord[] {
  return tableRecords(sheet.rows, sheet.file, columns, optional);
}
