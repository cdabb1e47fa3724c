// Parses the light markup templates produce (Markdown + directives) into the document IR.
//
// Directives:  :::cover … :::             a container (any name becomes a div with that class)
//              :::figure{chart=ID} caption :::     a chart with its caption
//              :::table{id=ID widths="3,1,1"} caption, then a pipe table :::
//              ::pagebreak                 a page break
//              :mark[e]                    a note mark;  :span[text]{.class}  a classed span
import { fromMarkdown } from 'mdast-util-from-markdown';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { directive } from 'micromark-extension-directive';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { fail } from '../diagnostics.js';
import type { Align, Block, Inline, Table } from '../ir/types.js';

function inlines(nodes: PhrasingContent[], file: string): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text': out.push({ type: 'text', value: n.value.replace(/\n/g, ' ') }); break;
      case 'strong': out.push({ type: 'strong', children: inlines(n.children, file) }); break;
      case 'emphasis': out.push({ type: 'emphasis', children: inlines(n.children, file) }); break;
      case 'break': out.push({ type: 'break' }); break;
      case 'inlineCode': out.push({ type: 'text', value: n.value }); break;
      case 'textDirective': {
        const text = n.children.map((c) => ('value' in c ? c.value : '')).join('');
        if (n.name === 'mark') out.push({ type: 'mark', value: text });
        else if (n.name === 'span') out.push({ type: 'span', class: n.attributes?.class ?? '', children: inlines(n.children, file) });
        else fail('unknownDirective', { file, line: n.position?.start.line }, n.name);
        break;
      }
      default: out.push({ type: 'text', value: 'value' in n ? String(n.value) : '' });
    }
  }
  return out;
}

function paragraphText(children: RootContent[], file: string): Inline[] {
  const first = children.find((c) => c.type === 'paragraph');
  return first && first.type === 'paragraph' ? inlines(first.children, file) : [];
}

function table(d: ContainerDirective, file: string): Table {
  const md = d.children.find((c): c is MdTable => c.type === 'table');
  const line = d.position?.start.line;
  if (!md) return fail('templateError', { file, line }, `table "${d.attributes?.id ?? ''}" holds no pipe table`);
  const [head, ...body] = md.children.map((row) => row.children.map((cell) => ({ children: inlines(cell.children, file) })));
  const columns = head?.length ?? 0;
  const widths = (d.attributes?.widths ?? '').split(',').filter(Boolean).map(Number);
  const plain = (cells: { children: Inline[] }[]) => cells[0]?.children.map((c) => ('value' in c ? c.value : '')).join('') ?? '';
  return {
    type: 'table',
    id: d.attributes?.id ?? '',
    caption: paragraphText(d.children, file),
    align: (md.align ?? []).map((a) => (a ?? 'left') as Align),
    widths: widths.length === columns ? widths : Array.from({ length: columns }, () => 1),
    header: head ?? [],
    rows: body,
    subRows: body.flatMap((row, i) => (plain(row).startsWith('#') ? [i] : [])),
  };
}

function blocks(nodes: RootContent[], file: string): Block[] {
  const out: Block[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'heading':
        out.push({ type: 'heading', depth: Math.min(n.depth, 3) as 1 | 2 | 3, children: inlines(n.children, file) });
        break;
      case 'paragraph':
        out.push({ type: 'paragraph', children: inlines(n.children, file) });
        break;
      case 'list':
        out.push({ type: 'list', ordered: Boolean(n.ordered), items: n.children.map((item) => blocks(item.children, file)) });
        break;
      case 'thematicBreak':
        break;
      case 'leafDirective':
        if (n.name === 'pagebreak') out.push({ type: 'pageBreak' });
        else fail('unknownDirective', { file, line: n.position?.start.line }, n.name);
        break;
      case 'containerDirective':
        if (n.name === 'table') out.push(table(n, file));
        else if (n.name === 'figure') out.push({ type: 'figure', chart: n.attributes?.chart ?? '', caption: paragraphText(n.children, file) });
        else if (n.name === 'paragraph') out.push({ type: 'paragraph', class: n.attributes?.class ?? '', children: paragraphText(n.children, file) });
        else out.push({ type: 'div', class: n.name, children: blocks(n.children, file) });
        break;
      case 'table':
        fail('templateError', { file, line: n.position?.start.line }, 'a pipe table must stand inside a :::table directive that gives its id and caption');
        break;
      default:
        fail('templateError', { file, line: n.position?.start.line }, `unsupported markup "${n.type}"`);
    }
  }
  return out;
}

export function parseMarkup(markup: string, file: string): Block[] {
  const tree = fromMarkdown(markup, {
    extensions: [directive(), gfmTable()],
    mdastExtensions: [directiveFromMarkdown(), gfmTableFromMarkdown()],
  });
  return blocks(tree.children, file);
}
