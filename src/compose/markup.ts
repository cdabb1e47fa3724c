// Parses the light markup templates produce (Markdown + directives) into the document IR.
//
// Directives:  :::cover … :::             a container (any name becomes a div with that class)
//              :::figure{chart=ID} caption :::     a chart with its caption
//              :::table{id=ID widths="3,1,1"} caption, then a pipe table :::
//              ::pagebreak                 a page break
//              :mark[1]                    a note mark;  :span[text]{.class}  a classed span
import { fromMarkdown } from 'mdast-util-from-markdown';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { directive } from 'micromark-extension-directive';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { PhrasingContent, RootContent } from 'mdast';
import { fail } from '../diagnostics.js';
import type { Block, Inline } from '../ir/types.js';
import { extractTables, readTable, type TableSource } from './pipe-table.js';

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

function blocks(nodes: RootContent[], file: string, tables: TableSource[]): Block[] {
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
        out.push({ type: 'list', ordered: Boolean(n.ordered), items: n.children.map((item) => blocks(item.children, file, tables)) });
        break;
      case 'thematicBreak':
        break;
      case 'leafDirective':
        if (n.name === 'pagebreak') out.push({ type: 'pageBreak' });
        else if (n.name === 'table-ref') {
          const source = tables[Number(n.attributes?.n)]!;
          const table = readTable(source, (text) => parseInline(text, file));
          if (!table) fail('templateError', { file, line: source.line }, `table "${source.attributes.id ?? ''}" holds no pipe table`);
          out.push(table!);
        }
        else fail('unknownDirective', { file, line: n.position?.start.line }, n.name);
        break;
      case 'containerDirective':
        if (n.name === 'figure') out.push({ type: 'figure', chart: n.attributes?.chart ?? '', caption: paragraphText(n.children, file) });
        else if (n.name === 'paragraph') out.push({ type: 'paragraph', class: n.attributes?.class ?? '', children: paragraphText(n.children, file) });
        else out.push({ type: 'div', class: n.name, children: blocks(n.children, file, tables) });
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

const parse = (markup: string) => fromMarkdown(markup, {
  extensions: [directive(), gfmTable()],
  mdastExtensions: [directiveFromMarkdown(), gfmTableFromMarkdown()],
});

/** Inline markup of one table cell or caption. */
function parseInline(text: string, file: string): Inline[] {
  return paragraphText(parse(text).children, file);
}

/** Tables are read by the linear pipe-table reader; everything else by micromark. */
export function parseMarkup(markup: string, file: string): Block[] {
  const { markup: rest, tables } = extractTables(markup);
  return blocks(parse(rest).children, file, tables);
}
