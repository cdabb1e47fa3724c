// Column widths from a table's content: each column at least as wide as its widest piece that cannot break.
import type { Block, DocumentIR, Inline, Table } from '../ir/types.js';
import { familyOf, measureText, type FontSet } from '../fonts/fonts.js';
import { unbreakable } from './cell-breaks.js';
import { DEFAULT_STYLE, tableTextWidth, SUB_ROW_INDENT, type Style } from './style.js';

/** The lines of a cell (a zh-en cell has two), as plain text without its note marks. */
function linesOf(nodes: Inline[]): string[] {
  const lines = [''];
  const walk = (list: Inline[]) => {
    for (const n of list) {
      if (n.type === 'break') lines.push('');
      else if (n.type === 'text') lines[lines.length - 1] += n.value;
      else if (n.type !== 'mark') walk(n.children);
    }
  };
  walk(nodes);
  return lines;
}

/** Word and LibreOffice set a quarter em between Chinese and a digit or Latin letter beside it (autospace): room for it. */
const autospaced = (text: string) => (text.match(/\p{Script=Han}(?=[A-Za-z0-9])|[A-Za-z0-9](?=\p{Script=Han})/gu) ?? []).length * 0.25;

/**
 * The template's widths where every column holds its widest unbreakable piece (a value, an English word); else the
 * narrow columns widened to it, taking the room from the columns with room to spare, in proportion to that room.
 */
export function fitColumns(t: Table, available: number, width: (text: string, bold: boolean) => number): number[] {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const given = t.widths.map((w) => (w / total) * available);
  const widest = (nodes: Inline[], bold: boolean) => Math.max(0, ...linesOf(nodes).flatMap(unbreakable).map((piece) => width(piece, bold) + autospaced(piece) * width('一', bold)));
  const indented = t.align.indexOf('left');
  const least = given.map((_, c) => Math.max(
    widest(t.header[c]?.children ?? [], true),
    ...t.rows.map((row, r) => widest(row[c]?.children ?? [], false) + (c === indented && t.subRows.includes(r) ? SUB_ROW_INDENT : 0)),
  ));
  const short = given.reduce((n, w, c) => n + Math.max(0, least[c]! - w), 0);
  if (short === 0) return t.widths;
  const spare = given.reduce((n, w, c) => n + Math.max(0, w - least[c]!), 0);
  // Too little room for every piece: widths in proportion to the pieces (the longest then wrap as they must).
  if (spare < short) return least.map((w) => Math.round(w * 10) / 10);
  return given.map((w, c) => Math.round((w < least[c]! ? least[c]! : w - ((w - least[c]!) / spare) * short) * 10) / 10);
}

/** The document with its tables' widths fitted to their content, at the sizes the style sets them in. */
export function fitTableWidths(ir: DocumentIR, fonts: FontSet, style: Style = DEFAULT_STYLE): DocumentIR {
  const family = familyOf(fonts, style.fonts.body);
  const walk = (blocks: Block[], annex: boolean): Block[] => blocks.map((b) => {
    if (b.type === 'div') return { ...b, children: walk(b.children, annex || b.class === 'annex') };
    if (b.type !== 'table') return b;
    const size = annex ? style.table.annexSize : style.table.size;
    return { ...b, widths: fitColumns(b, tableTextWidth(style, b.widths.length), (text, bold) => measureText(bold ? family.bold : family.regular, text, size)) };
  });
  return { ...ir, blocks: walk(ir.blocks, false) };
}
