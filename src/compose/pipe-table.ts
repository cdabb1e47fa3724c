// Reads the :::table directives of the markup in one linear pass, so that large tables parse in time proportional to their size.
import type { Align, Inline, Table } from '../ir/types.js';

/** ASCII punctuation Markdown lets a backslash escape. */
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
/** Characters that make a cell more than plain text once its escapes are removed. */
const MARKUP = /[\\`*_[\]{}<>:!&~#|]/;

const plain = (text: string) => !MARKUP.test(text.replace(ESCAPED, ''));
const unescape = (text: string) => text.replace(ESCAPED, '$1');
/** The two inline directives cells use most: a note mark and a classed span. */
const DIRECTIVE = /:mark\[([^\]\\]*)\]|:span\[((?:\\.|[^\]\\])*)\]\{class="([\w-]*)"\}/g;

/** A cell's inlines: plain text, note marks and classed spans read directly; any other markup handed to `parseInline`. */
export function cellInlines(source: string, parseInline: (text: string) => Inline[]): Inline[] {
  const text = source.trim();
  const out: Inline[] = [];
  let at = 0;
  const addText = (part: string) => {
    if (part) out.push({ type: 'text', value: unescape(part) });
  };
  for (const m of text.matchAll(DIRECTIVE)) {
    const before = text.slice(at, m.index);
    if (!plain(before) || (m[2] !== undefined && !plain(m[2]))) return parseInline(text);
    addText(before);
    if (m[1] !== undefined) out.push({ type: 'mark', value: m[1] });
    else out.push({ type: 'span', class: m[3]!, children: m[2] ? [{ type: 'text', value: unescape(m[2]) }] : [] });
    at = m.index + m[0].length;
  }
  const rest = text.slice(at);
  if (!plain(rest)) return parseInline(text);
  addText(rest);
  return out;
}

/** Splits a pipe-table row on its unescaped pipes: "| a | b\|c |" → ["a", "b\|c"]. */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  const body = line.trim().replace(/^\|/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\' && i + 1 < body.length) {
      cell += ch + body[i + 1];
      i++;
    } else if (ch === '|') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  if (cell.trim() !== '') cells.push(cell);
  return cells.map((c) => c.trim());
}

const alignOf = (spec: string): Align => (spec.startsWith(':') && spec.endsWith(':') ? 'center' : spec.endsWith(':') ? 'right' : 'left');

/** Attributes of a directive label: `id=x widths="3,1"` → { id: 'x', widths: '3,1' }. */
export function directiveAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"']*))/g)) out[m[1]!] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
}

export interface TableSource {
  attributes: Record<string, string>;
  /** The lines before the pipe table: the caption. */
  caption: string;
  rows: string[];
  /** Line of the directive in the markup, for messages. */
  line: number;
}

/** Cuts every :::table directive out of the markup, leaving a `::table-ref{n=K}` leaf directive in its place. */
export function extractTables(markup: string): { markup: string; tables: TableSource[] } {
  const lines = markup.split('\n');
  const kept: string[] = [];
  const tables: TableSource[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^:::table(?:\{(.*)\})?\s*$/.exec(lines[i]!);
    if (!open) {
      kept.push(lines[i]!);
      continue;
    }
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== ':::'; i++) body.push(lines[i]!);
    const firstRow = body.findIndex((l) => l.trimStart().startsWith('|'));
    tables.push({
      attributes: directiveAttributes(open[1] ?? ''),
      caption: (firstRow < 0 ? body : body.slice(0, firstRow)).join('\n').trim(),
      rows: firstRow < 0 ? [] : body.slice(firstRow).filter((l) => l.trim() !== ''),
      line: start + 1,
    });
    // Keep the line count, so that later messages still name the right markup line.
    kept.push(`::table-ref{n=${tables.length - 1}}`, ...Array.from({ length: i - start - 1 }, () => ''), '');
  }
  return { markup: kept.join('\n'), tables };
}

/** Builds the IR table from its source; `parseInline` reads captions and cells that hold markup. */
export function readTable(source: TableSource, parseInline: (text: string) => Inline[]): Table | undefined {
  const [head, delimiter, ...body] = source.rows;
  if (!head || !delimiter || !/^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(delimiter.trim())) return undefined;
  const header = splitRow(head).map((c) => ({ children: cellInlines(c, parseInline) }));
  const columns = header.length;
  const rows = body.map((line) => {
    const cells = splitRow(line).slice(0, columns);
    while (cells.length < columns) cells.push('');
    return cells.map((c) => ({ children: cellInlines(c, parseInline) }));
  });
  const widths = (source.attributes.widths ?? '').split(',').filter(Boolean).map(Number);
  return {
    type: 'table',
    id: source.attributes.id ?? '',
    caption: source.caption ? parseInline(source.caption) : [],
    align: splitRow(delimiter).map(alignOf),
    widths: widths.length === columns ? widths : Array.from({ length: columns }, () => 1),
    header,
    rows,
    subRows: rows.flatMap((row, i) => (row[0]?.children.map((c) => ('value' in c ? c.value : '')).join('').startsWith('#') ? [i] : [])),
  };
}
