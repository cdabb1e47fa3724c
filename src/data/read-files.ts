// Reads YAML lists and CSV tables into records that remember the line each field came from.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import { diagnostic, DiagnosticError, fail, type Place } from '../diagnostics.js';
import { isInside } from '../contained-path.js';

export interface FieldRecord {
  line: number;
  get(field: string): string | undefined;
  lineOf(field: string): number;
  /** A nested map's fields, e.g. `short: { zh, en }`. */
  child(field: string): FieldRecord | undefined;
  /** A list of strings, e.g. `aliases: [..]`. */
  list(field: string): string[];
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
  };
}

/** Reads a YAML file whose top level is a list of maps (or, with `key`, a map holding such a list under that key). */
export function readYamlList(path: string, displayName: string, key?: string): FieldRecord[] {
  const text = readText(path, displayName);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new DiagnosticError(
      doc.errors.map((e) => diagnostic('error', 'yamlSyntax', { file: displayName, line: lines.linePos(e.pos[0]).line }, e.message.split('\n')[0]!)),
    );
  }
  const contents = key && isMap(doc.contents) ? (doc.contents.get(key, true) as Node | undefined) ?? null : doc.contents;
  if (contents === null) return [];
  if (!isSeq(contents)) {
    throw new DiagnosticError([diagnostic('error', 'yamlSyntax', { file: displayName, line: 1 }, 'the top level must be a list')]);
  }
  return contents.items.map((item) => yamlRecord(item as Node, lines));
}

/** Reads a CSV file with a header row that must list exactly `columns`. */
export function readCsv(path: string, displayName: string, columns: readonly string[]): FieldRecord[] {
  const text = readText(path, displayName);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parseCsv(text, { info: true, skip_empty_lines: true, relax_column_count: false, bom: true }) as unknown as typeof rows;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new DiagnosticError([diagnostic('error', 'csvSyntax', { file: displayName, line: err.lines }, err.message)]);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  const found = header.record.map((c) => c.trim());
  if (found.join(',') !== columns.join(',')) {
    throw new DiagnosticError([diagnostic('error', 'csvHeader', { file: displayName, line: 1 }, columns.join(','), found.join(','))]);
  }
  return body.map(({ record, info }) => {
    const line = info.lines;
    return {
      line,
      get(field) {
        const value = record[columns.indexOf(field)]?.trim();
        return value === undefined || value === '' ? undefined : value;
      },
      lineOf: () => line,
      child: () => undefined,
      list(field) {
        return (this.get(field) ?? '').split(';').map((s) => s.trim()).filter(Boolean);
      },
    };
  });
}
