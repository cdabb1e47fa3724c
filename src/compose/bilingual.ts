// Pairs a Chinese and an English document of the same structure into one zh-en document.
import { fail } from '../diagnostics.js';
import type { Block, Inline, Table, TableCell } from '../ir/types.js';

const translation = (children: Inline[]): Inline => ({ type: 'span', class: 'translation', children });
const plain = (nodes: Inline[]): string => nodes.map((n) => (n.type === 'text' || n.type === 'mark' ? n.value : 'children' in n ? plain(n.children) : '\n')).join('');

/** Both languages in one run of inlines: zh, a line break, then en marked as translation; once when they read the same. */
function pairInline(zh: Inline[], en: Inline[]): Inline[] {
  if (plain(zh) === plain(en)) return zh;
  if (en.length === 0) return zh;
  return [...zh, { type: 'break' }, translation(en)];
}

function pairCells(zh: TableCell[], en: TableCell[], where: string): TableCell[] {
  if (zh.length !== en.length) fail('bilingualMismatch', undefined, where);
  return zh.map((c, i) => ({ children: pairInline(c.children, en[i]!.children) }));
}

function pairTable(zh: Table, en: Table, where: string): Table {
  if (zh.rows.length !== en.rows.length) fail('bilingualMismatch', undefined, `${where} (table ${zh.id})`);
  return {
    ...zh,
    caption: pairInline(zh.caption, en.caption),
    header: pairCells(zh.header, en.header, where),
    rows: zh.rows.map((row, r) => pairCells(row, en.rows[r]!, `${where} row ${r + 1}`)),
  };
}

export function pairBlocks(zh: Block[], en: Block[], where = 'document'): Block[] {
  if (zh.length !== en.length) fail('bilingualMismatch', undefined, `${where} (${zh.length} vs ${en.length} blocks)`);
  return zh.flatMap((z, i): Block[] => {
    const e = en[i]!;
    const at = `${where} > block ${i + 1} (${z.type})`;
    if (z.type !== e.type) fail('bilingualMismatch', undefined, at);
    switch (z.type) {
      case 'heading':
        return [{ ...z, children: pairInline(z.children, (e as typeof z).children) }];
      case 'paragraph': {
        const other = e as typeof z;
        if (plain(z.children) === plain(other.children)) return [z];
        return [z, { ...other, class: ['translation', other.class].filter(Boolean).join(' ') }];
      }
      case 'list': {
        const other = e as typeof z;
        if (z.items.length !== other.items.length) fail('bilingualMismatch', undefined, at);
        return [{ ...z, items: z.items.map((item, j) => pairBlocks(item, other.items[j]!, `${at} item ${j + 1}`)) }];
      }
      case 'table':
        return [pairTable(z, e as Table, at)];
      case 'figure':
        return [{ ...z, caption: pairInline(z.caption, (e as typeof z).caption) }];
      case 'div':
        return [{ ...z, children: pairBlocks(z.children, (e as typeof z).children, `${at}.${z.class}`) }];
      case 'pageBreak':
        return [z];
    }
  });
}
