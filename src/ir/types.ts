// The document IR: a small, format-neutral tree (after mdast) that every renderer reads.
//
// Block nodes                                   Inline nodes
//   heading    depth 1–3                          text       plain text
//   paragraph  optional class                    strong     bold
//   list       ordered or not, items of blocks    emphasis   italic
//   table      header rows, body rows, caption    mark       a note mark (superscript), e.g. "1"
//   figure     a chart by id, numbered caption    break      a line break
//   div        a container with a class          span       text with a class ("translation", "status-met", …)
//   pageBreak
//
// Figure and table captions are numbered by the composer; renderers only print them.

export type Inline =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'mark'; value: string }
  | { type: 'break' }
  | { type: 'span'; class: string; children: Inline[] };

export type Align = 'left' | 'right' | 'center';

export interface TableCell {
  children: Inline[];
}

export interface Table {
  type: 'table';
  id: string;
  caption: Inline[];
  align: Align[];
  /** Relative column widths; renderers scale them to the page. */
  widths: number[];
  header: TableCell[];
  rows: TableCell[][];
  /** Rows (by index) that are sub-rows of the row above them. */
  subRows: number[];
}

export type Block =
  | { type: 'heading'; depth: 1 | 2 | 3; children: Inline[] }
  | { type: 'paragraph'; class?: string; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Block[][] }
  | Table
  | { type: 'figure'; chart: string; caption: Inline[] }
  | { type: 'div'; class: string; children: Block[] }
  | { type: 'pageBreak' };

export interface DocumentMeta {
  title: string;
  subject: string;
  /** Language mode the document was composed in. */
  lang: 'zh' | 'en' | 'zh-en';
  /** Running header text. */
  header: string;
  /** Publication date, ISO yyyy-mm-dd; fixed for reproducible output. */
  date: string;
  revision: number;
}

export interface DocumentIR {
  meta: DocumentMeta;
  blocks: Block[];
}

/** Every text string in a block tree, with a path naming where it stands. */
export function* textsOf(blocks: Block[], path = ''): Generator<{ text: string; path: string }> {
  function* inline(nodes: Inline[], at: string): Generator<{ text: string; path: string }> {
    for (const n of nodes) {
      if (n.type === 'text' || n.type === 'mark') yield { text: n.value, path: at };
      else if ('children' in n) yield* inline(n.children, at);
    }
  }
  for (const [i, b] of blocks.entries()) {
    const at = `${path}/${i}:${b.type}`;
    switch (b.type) {
      case 'heading':
      case 'paragraph':
        yield* inline(b.children, at);
        break;
      case 'list':
        for (const [j, item] of b.items.entries()) yield* textsOf(item, `${at}/item${j}`);
        break;
      case 'table':
        yield* inline(b.caption, `${at}#${b.id}/caption`);
        for (const [j, c] of b.header.entries()) yield* inline(c.children, `${at}#${b.id}/header${j}`);
        for (const [r, row] of b.rows.entries()) for (const [j, c] of row.entries()) yield* inline(c.children, `${at}#${b.id}/row${r + 1}/col${j + 1}`);
        break;
      case 'figure':
        yield* inline(b.caption, `${at}#${b.chart}/caption`);
        break;
      case 'div':
        yield* textsOf(b.children, `${at}.${b.class}`);
        break;
    }
  }
}
