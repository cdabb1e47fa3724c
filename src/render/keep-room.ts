// How much of a page a heading needs below its top so that it does not stand alone: itself and the first lines of what follows, estimated from the text.
import type { Block, Inline, Table } from '../ir/types.js';
import { contentWidthOf, NATURAL_LINE, tableTextWidth, type Style } from './style.js';

/** Width of a text in ems: a Chinese character (or full-width sign) one em, any other character about half. */
const ems = (text: string) => [...text].reduce((n, c) => n + (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(c) ? 1 : 0.55), 0);

/** The lines of inlines (a zh-en pair has two), each wrapped at a width in points, for a size. */
function lineCount(nodes: Inline[], width: number, size: number): number {
  const lines = [''];
  const walk = (list: Inline[]) => {
    for (const n of list) {
      if (n.type === 'break') lines.push('');
      else if (n.type === 'text' || n.type === 'mark') lines[lines.length - 1] += n.value;
      else walk(n.children);
    }
  };
  walk(nodes);
  return lines.reduce((sum, line) => sum + Math.max(1, Math.ceil((ems(line) * size) / Math.max(width, size))), 0);
}

/** Heading margins below the text by depth, as the PDF styles set them. */
const HEADING_BELOW = { 1: 12, 2: 6, 3: 4 } as const;
/** A subheading's margins above and below, as the PDF style sets them. */
const SUBHEAD_MARGINS = 7;

const isSubhead = (b: Block) => b.type === 'paragraph' && (b.class ?? '').split(' ').includes('subhead');

/** The height of a figure (its chart and caption), which cannot break. */
export type FigureHeight = (b: Extract<Block, { type: 'figure' }>) => number;

/** A figure's height from its picture's: the picture, and the caption's lines and margins under it. */
export const figureRoom = (b: Extract<Block, { type: 'figure' }>, picture: number, s: Style) =>
  picture + lineCount(b.caption, contentWidthOf(s), s.small) * s.small * 1.1 * NATURAL_LINE + 16;

/**
 * The room a heading or subheading (at `i`) needs below its top: its own lines and margin, and what must share its
 * page (see leadHeight); undefined for other blocks.
 */
export function headRoom(list: Block[], i: number, s: Style, annex: boolean, figure: FigureHeight): number | undefined {
  const b = list[i];
  if (b?.type === 'heading') {
    const size = s.heading[b.depth];
    return lineCount(b.children, contentWidthOf(s), size) * size * s.font.lineHeight + HEADING_BELOW[b.depth] + leadHeight(list, i + 1, s, annex, figure);
  }
  if (b && isSubhead(b) && b.type === 'paragraph') {
    const size = annex ? s.annex : s.font.size;
    return lineCount(b.children, contentWidthOf(s), size) * size * s.font.lineHeight + SUBHEAD_MARGINS + leadHeight(list, i + 1, s, annex, figure);
  }
  return undefined;
}

/** A table's caption, header and first two rows: the part that never leaves its caption (pdfmake keeps them together). */
function tableLead(t: Table, s: Style, annex: boolean): number {
  const size = annex ? s.table.annexSize : s.table.size;
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => (w / total) * tableTextWidth(s, t.widths.length));
  const row = (cells: { children: Inline[] }[]) => Math.max(...cells.map((c, i) => lineCount(c.children, widths[i]!, size))) * size * s.table.lineHeight * NATURAL_LINE + 4;
  const caption = lineCount(t.caption, contentWidthOf(s), s.small) * s.small * 1.1 * NATURAL_LINE + 4;
  return 4 + caption + row(t.header) + t.rows.slice(0, 2).reduce((sum, r) => sum + row(r), 0);
}

/**
 * What must share the page of the heading above the block at `i`: a table's lead, a figure whole, two lines of text;
 * a heading or a subheading (which keeps with what follows it in turn) whole, with what it keeps.
 */
function leadHeight(list: Block[], i: number, s: Style, annex: boolean, figure: FigureHeight): number {
  const next = list[i];
  const line = (annex ? s.annex : s.font.size) * s.font.lineHeight;
  if (next?.type === 'table') return tableLead(next, s, annex);
  if (next?.type === 'figure') return figure(next);
  if (next?.type === 'div') return leadHeight(next.children, 0, s, annex || next.class === 'annex', figure);
  return headRoom(list, i, s, annex, figure) ?? 2 * line;
}
