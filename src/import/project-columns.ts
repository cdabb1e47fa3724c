// A 专栏 box printed as a table whose PDF text runs its columns together line by line: each row's project column read back as one passage.
import { passageOf, type Passage } from './passages.js';
import { squash } from './tables.js';

export interface ColumnRow {
  /** The row's first cell ("新材料"). */
  label: string;
  /** The row's project column, its lines rejoined. */
  projects: Passage;
}

/** A short cell on a line of its own: a column header or a row's label. */
const isCell = (line: string) => {
  const text = squash(line);
  return text.length > 0 && text.length <= 8 && !/[，,。、；;：:]/.test(text);
};
const ENDS_BOX = /^\s*(?:专栏|表)\s*\d|^\s*第[一二三四五六七八九十]+[篇章节]/;

/**
 * The rows of the box captioned at `captionIndex`, when its header is a run of short cells ending in the project
 * column ("产业类别", "重点方向", "重点推进项目"). Below it each row is its label, then the other columns' lines in
 * turn, one line each, a column dropping out of the turn when its text has ended (。); `end` is the 0-based index after
 * the box's last line. Undefined when the box is not such a table.
 */
export function columnRows(lines: string[], captionIndex: number): { rows: ColumnRow[]; end: number } | undefined {
  let i = captionIndex + 1;
  const next = () => {
    while (i < lines.length && !squash(lines[i]!)) i++;
    return lines[i];
  };
  const header: string[] = [];
  for (let line = next(); line !== undefined && isCell(line) && header.length < 6; line = next()) {
    header.push(squash(line));
    i++;
    if (/(?:项目|工程)$/.test(header[header.length - 1]!)) break;
  }
  if (header.length < 2 || !/(?:项目|工程)$/.test(header[header.length - 1]!)) return undefined;
  const columns = header.length - 1;
  const rows: ColumnRow[] = [];
  for (let line = next(); line !== undefined && isCell(line) && !ENDS_BOX.test(line); line = next()) {
    const label = squash(line);
    i++;
    const ended = new Array<boolean>(columns).fill(false);
    const projectLines: number[] = [];
    let column = 0;
    while (ended.includes(false)) {
      const cell = next();
      if (cell === undefined || ENDS_BOX.test(cell)) break;
      if (column === columns - 1) projectLines.push(i + 1);
      if (/。$/.test(squash(cell))) ended[column] = true;
      i++;
      do column = (column + 1) % columns;
      while (ended[column] && ended.includes(false));
    }
    if (projectLines.length) rows.push({ label, projects: passageOf(lines, projectLines) });
  }
  return rows.length ? { rows, end: i } : undefined;
}
