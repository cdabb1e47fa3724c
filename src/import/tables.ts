// Finds the report's tables and boxes (表1, 专栏3) and their cells, in either layout a report's text comes in.
import { squash } from '../data/source-lines.js';

export interface Cell {
  text: string;
  line: number;
  /** The last line of a cell whose text runs on to another line. */
  lineEnd?: number;
}

export interface Table {
  /** The report's own label, spaces removed: 表1, 专栏3. */
  label: string;
  caption: string;
  captionLine: number;
  /**
   * Rows of cells when the text marks them (a "\t" before each cell, a blank line after each row, as
   * DOCX and HTML tables read); otherwise undefined and `cells` is the flat run of short lines.
   */
  rows?: Cell[][];
  cells: Cell[];
  /** 1-based line after the table's last line. */
  end: number;
}

const CAPTION = /^\s*((?:表|专栏)\s*\d+)\s*[：:、.．]?\s*(.*)$/;

export { squash };

/** Every captioned table or box, in order. */
export function findTables(lines: string[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = CAPTION.exec(lines[i]!);
    if (!m || lines[i]!.startsWith('\t') || squash(m[2]!).length > 60) continue;
    const table = readTable(lines, i, squash(m[1]!), m[2]!.trim());
    tables.push(table);
    i = table.end - 2;
  }
  return tables;
}

function readTable(lines: string[], captionIndex: number, label: string, caption: string): Table {
  let i = captionIndex + 1;
  while (i < lines.length && squash(lines[i]!) === '' && !lines[i]!.startsWith('\t')) i++;
  if (lines[i]?.startsWith('\t')) {
    const rows: Cell[][] = [];
    let row: Cell[] = [];
    for (; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.startsWith('\t')) row.push({ text: line.trim(), line: i + 1 });
      else if (!row.length && rows.length && squash(lines[i - 1] ?? '') === '' && /^[\d.]/.test(line.trim()) && squash(line).length < 20 && lines[i + 1]?.startsWith('\t')) {
        // A cell's value wrapped onto a line of its own after a break ("较2022年提升" … "0.2个百分点" then the row's next cell): the row goes on.
        row = rows.pop()!;
        const last = row[row.length - 1]!;
        row[row.length - 1] = { text: `${last.text}${line.trim()}`, line: last.line, lineEnd: i + 1 };
      }
      else if (squash(line) === '') {
        if (row.length) rows.push(row);
        row = [];
      } else if (row.length && lines[i + 1] !== undefined && (lines[i + 1]!.startsWith('\t') || squash(lines[i + 1]!) === '') && squash(line).length < 20) {
        // A cell's remark on a line of its own, printed without the cell mark ("11.82" then "（建成区）"): not part of the value.
        continue;
      } else break;
    }
    if (row.length) rows.push(row);
    return { label, caption, captionLine: captionIndex + 1, rows, cells: rows.flat(), end: i + 1 };
  }
  // Lines extracted from a PDF: one cell a line, blank lines between; the table ends at the next caption or a long line.
  const cells: Cell[] = [];
  for (; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (!text) continue;
    if (CAPTION.test(text) || /^(备注|注[:：]|资料来源)/.test(text) || /^第[一二三四五六七八九十]+[章节]/.test(text)) break;
    if (squash(text).length > 40) break;
    cells.push({ text, line: i + 1 });
  }
  return { label, caption, captionLine: captionIndex + 1, cells, end: i + 1 };
}
