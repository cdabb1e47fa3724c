// Renders the document IR to PDF through a pdfmake document definition.
import { createRequire } from 'node:module';
import type { Content, ContentSvg, ContentText, TDocumentDefinitions, TableCell as PdfCell } from 'pdfmake/interfaces.js';
import type { Block, DocumentIR, Inline, Table } from '../ir/types.js';
import type { RenderedChart } from '../charts/render-chart.js';
import { facesOf, type FontSet } from '../fonts/fonts.js';
import { contentWidthOf, DEFAULT_STYLE, lineMultiple, SUB_ROW_INDENT, tableTextWidth, type Style } from './style.js';
import { segments } from './cell-breaks.js';
import { figureRoom, headRoom, type FigureHeight } from './keep-room.js';
import { fill } from '../compose/fill.js';
import { linearLineBreaking } from './pdfmake-lines.js';
import { stylesOncePerParagraph } from './pdfmake-styles.js';
import { documentTag, PAGINATION, tag, tagContentOnce, tagged, type Tag } from './pdf-tags.js';
import { objectStreamsOnce } from './pdf-object-streams.js';

const require = createRequire(import.meta.url);

export interface PdfInputs {
  ir: DocumentIR;
  charts: Map<string, RenderedChart>;
  /** Footer text with {{page}} and {{pages}}, in the document's language(s). */
  pageLabel: string;
}

function inlines(nodes: Inline[], s: Style, style: Partial<ContentText> = {}): ContentText[] {
  return nodes.flatMap((n): ContentText[] => {
    switch (n.type) {
      case 'text': return [{ text: n.value, ...style }];
      case 'strong': return inlines(n.children, s, { ...style, bold: true });
      case 'emphasis': return inlines(n.children, s, { ...style, color: s.colour.translation });
      case 'mark': return [{ text: n.value, sup: true, ...style, fontSize: undefined }];
      case 'break': return [{ text: '\n', ...style }];
      case 'span': {
        const own: Partial<ContentText> =
          n.class === 'translation' ? { color: s.colour.translation }
          : s.status[n.class] ? { color: s.status[n.class], bold: true }
          : {};
        return inlines(n.children, s, { ...style, ...own });
      }
    }
  });
}

/** A row as tall as a paragraph may split across pages; shorter rows stay whole. */
const LONG_CELL = 300;
const cellLength = (nodes: Inline[]): number => nodes.reduce((n, c) => n + ('value' in c ? c.value.length : 'children' in c ? cellLength(c.children) : 1), 0);

function table(t: Table, annex: boolean, s: Style, parent: Tag): Content {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => (w / total) * tableTextWidth(s, t.widths.length));
  // A value, a quoted term or a short bracket stays on one line (see cell-breaks).
  const unbroken = (items: ContentText[]) => items.flatMap((i) => (typeof i.text === 'string' && !i.sup ? segments(i.text).map((g) => ({ ...i, text: g.text, ...(g.keep ? { noWrap: true } : {}) })) : [i]));
  const fontSize = annex ? s.table.annexSize : s.table.size;
  // Table: its caption, the header row of TH (column scope), a TR of TD for each row; rows number from the caption.
  const tableTag = tag(parent, 'Table');
  const captionTag = tag(tableTag, 'Caption', { row: 0 });
  const rowTag = (r: number) => tag(tableTag, 'TR', { row: r + 1 });
  const cell = (children: Inline[], c: number, header: boolean, sub: boolean, row: Tag): PdfCell => tagged({
    text: unbroken(inlines(children, s)),
    alignment: header ? 'center' : t.align[c] ?? 'left',
    bold: header,
    fillColor: header ? s.colour.headerFill : undefined,
    color: sub ? s.colour.subRow : undefined,
    margin: [sub && c === t.align.findIndex((a) => a === 'left') ? SUB_ROW_INDENT : 0, 0.5, 0, 0.5],
    fontSize,
    lineHeight: s.table.lineHeight,
  }, header ? tag(row, 'TH', { scope: 'Column' }) : tag(row, 'TD'));
  // The caption is the first header row, so it repeats with the column headers on every page the table spans.
  const captionRow: PdfCell[] = [
    tagged({ text: inlines(t.caption, s), style: 'caption', colSpan: t.header.length, border: [false, false, false, false] }, captionTag),
    ...t.header.slice(1).map(() => ({ text: '' })),
  ];
  const headerRow = rowTag(0);
  return {
    table: {
      headerRows: 2,
      keepWithHeaderRows: Math.min(2, t.rows.length),
      dontBreakRows: !t.rows.some((row) => row.some((c) => cellLength(c.children) > LONG_CELL)),
      widths,
      body: [
        captionRow,
        t.header.map((h, c) => cell(h.children, c, true, false, headerRow)),
        ...t.rows.map((cells, r) => {
          const row = rowTag(r + 1);
          return cells.map((c, i) => cell(c.children, i, false, t.subRows.includes(r), row));
        }),
      ],
    },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 ? 0 : i === 1 || i === 2 || i === node.table.body.length ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: () => s.colour.rule,
      paddingLeft: () => 4,
      paddingRight: () => 4,
      paddingTop: () => 1.5,
      paddingBottom: () => 1.5,
    },
    margin: [0, 4, 0, 8],
  };
}

/** Plain text of inlines, a line break as a space (bookmark titles). */
export function plainText(nodes: Inline[]): string {
  return nodes.map((n) => (n.type === 'text' || n.type === 'mark' ? n.value : n.type === 'break' ? ' ' : plainText(n.children))).join('').replace(/\s+/g, ' ').trim();
}

/** The bookmark tree: every heading but the document title (the first level-1 heading), nested by depth. */
interface Outline { count: number; seenTitle: boolean; open: { depth: number; id: string }[] }

function outlineOf(depth: number, children: Inline[], outline: Outline): Record<string, unknown> {
  if (depth === 1 && !outline.seenTitle) {
    outline.seenTitle = true;
    return {};
  }
  while (outline.open.length > 0 && outline.open.at(-1)!.depth >= depth) outline.open.pop();
  const id = `heading-${++outline.count}`;
  const parent = outline.open.at(-1)?.id;
  outline.open.push({ depth, id });
  return { id, outline: true, outlineText: plainText(children), outlineExpanded: true, ...(parent ? { outlineParentId: parent } : {}) };
}

/**
 * Where a block stands: on the cover, in the annex (smaller type), without first-line indents (title block, lists);
 * the structure element its own elements go in; the language of an English paragraph where it is not the document's;
 * `rooms`: by a heading's or subheading's text, the room it needs below its top for itself and the start of what follows.
 */
interface BlockContext { cover: boolean; annex?: boolean; plain?: boolean; outline: Outline; s: Style; parent: Tag; english?: string; rooms: Map<unknown, number> }

function blocks(list: Block[], charts: Map<string, RenderedChart>, context: BlockContext): Content[] {
  const s = context.s;
  const pictureWidth = (chart: RenderedChart) => Math.min(contentWidthOf(s), chart.width);
  const figureHeight: FigureHeight = (f) => {
    const chart = charts.get(f.chart);
    return chart ? figureRoom(f, (chart.height * pictureWidth(chart)) / chart.width, s) : 0;
  };
  return list.flatMap((b, i): Content[] => {
    switch (b.type) {
      case 'heading': {
        // The document title is the H1; a heading below it is H2 at the outline's top level, H3 nested once, …
        const title = b.depth === 1 && !context.outline.seenTitle;
        const bookmark = outlineOf(b.depth, b.children, context.outline);
        const level = title ? 1 : Math.min(context.outline.open.length + 1, 6) as 2 | 3 | 4 | 5 | 6;
        const text = inlines(b.children, s);
        context.rooms.set(text, headRoom(list, i, s, Boolean(context.annex), figureHeight)!);
        return [tagged({ text, style: title ? 'title' : `h${b.depth}`, headlineLevel: 1, ...bookmark }, tag(context.parent, `H${level}`))];
      }
      case 'paragraph': {
        const classes = (b.class ?? '').split(' ');
        const translation = classes.includes('translation');
        // A subheading (class "subhead") stays with what follows it, like a heading.
        const subhead = classes.includes('subhead');
        const base = translation ? 'translation' : context.plain ? 'plain' : 'body';
        const style = context.cover ? ['cover'] : [base, ...(context.annex ? ['annex'] : []), ...(subhead ? ['subhead'] : [])];
        // A body paragraph of the annex is indented by its own smaller characters.
        const indent = !context.cover && context.annex && base === 'body' && s.indent > 0 ? { leadingIndent: s.indent * s.annex } : {};
        const p = tag(context.parent, 'P', translation ? { lang: context.english } : {});
        const text = inlines(b.children, s);
        if (subhead) context.rooms.set(text, headRoom(list, i, s, Boolean(context.annex), figureHeight)!);
        return [tagged({ text, style, ...indent, ...(subhead ? { headlineLevel: 1 } : {}) }, p)];
      }
      case 'list':
      {
        // L of LI, each its marker (Lbl) and body (LBody).
        const list = tag(context.parent, 'L');
        const items = b.items.map((item) => {
          const li = tag(list, 'LI');
          tag(li, 'Lbl');
          return tagged({ stack: blocks(item, charts, { ...context, plain: true, parent: tag(li, 'LBody') }) }, li);
        });
        return [b.ordered ? { ol: items, margin: [0, 0, 0, 6] } : { ul: items, margin: [0, 0, 0, 6] }];
      }
      case 'table':
        return [table(b, Boolean(context.annex), s, context.parent)];
      case 'figure': {
        const chart = charts.get(b.chart);
        if (!chart) return [];
        // A Figure, its caption the alternative text, with the caption as its Caption.
        const figure = tag(context.parent, 'Figure', { alt: plainText(b.caption) });
        return [{
          stack: [
            tagged<ContentSvg>({ svg: chart.svg, width: pictureWidth(chart), alignment: 'center' }, figure),
            tagged<ContentText>({ text: inlines(b.caption, s), style: 'caption', margin: [0, 4, 0, 12] }, tag(figure, 'Caption')),
          ],
          unbreakable: true,
        }];
      }
      case 'div':
        if (b.class === 'cover') {
          return [{ stack: blocks(b.children, charts, { ...context, cover: true }), margin: [0, 150, 0, 0], pageBreak: 'after' }];
        }
        if (b.class === 'annex') return blocks(b.children, charts, { ...context, annex: true });
        // The title block stands as the title does: no first-line indents.
        return blocks(b.children, charts, b.class === 'title-block' ? { ...context, plain: true } : context);
      case 'pageBreak':
        return [{ text: '', pageBreak: 'after' }];
    }
  });
}

export function pdfDefinition({ ir, charts, pageLabel }: PdfInputs, s: Style = DEFAULT_STYLE): TDocumentDefinitions {
  const { margin } = s.page;
  const footnote = { fontSize: 7.5, color: s.colour.translation };
  // "— 1 —" at the outer edge (right on odd pages, left on even), from page 1; or the "page N of M" label, centred, after the first.
  const footer = (page: number, pages: number) => s.pageNumbers === 'dashes'
    ? tagged({ text: `— ${page} —`, font: s.fonts.body, fontSize: s.pageNumberSize, alignment: page % 2 === 1 ? 'right' : 'left', margin: [margin.left, 22, margin.right, 0] }, PAGINATION)
    : page === 1 ? '' : tagged({ text: fill(pageLabel, { page, pages }), ...footnote, alignment: 'center', margin: [0, 20, 0, 0] }, PAGINATION);
  const heading = (depth: 1 | 2 | 3) => ({ font: s.fonts.heading[depth], fontSize: s.heading[depth], bold: s.headingBold[depth], color: s.colour.accent });
  const rooms = new Map<unknown, number>();
  return {
    pageSize: 'A4',
    pageMargins: [margin.left, margin.top, margin.right, margin.bottom],
    info: {
      title: ir.meta.title,
      subject: ir.meta.subject,
      author: 'briefing',
      creator: 'briefing',
      producer: 'briefing (pdfmake)',
      keywords: `revision ${ir.meta.revision}`,
      creationDate: new Date(`${ir.meta.date}T00:00:00Z`),
    },
    language: ir.meta.lang === 'en' ? 'en-US' : 'zh-CN',
    // PDF/A-2b (pdfkit writes the XMP packet, the pdfaid entry and an sRGB output intent); no ModDate, so Info and XMP agree.
    version: '1.7',
    subset: 'PDF/A-2b',
    // Tagged (/MarkInfo, a structure tree: see pdf-tags.ts); the window shows the title, not the file name.
    tagged: true,
    displayTitle: true,
    header: (page: number) =>
      page === 1 || !s.runningHeader ? '' : tagged({ text: ir.meta.header, ...footnote, alignment: 'right', margin: [margin.left, 28, margin.right, 0] }, PAGINATION),
    footer,
    content: blocks(ir.blocks, charts, { cover: false, outline: { count: 0, seenTitle: false, open: [] }, s, parent: documentTag(), ...(ir.meta.lang === 'en' ? {} : { english: 'en-US' }), rooms }),
    // Keep headings and subheadings off the foot of a page: they move on when the room they and the start of what
    // follows need (keep-room: a few lines, a subheading and its lines, a table's caption, header and first rows, a
    // chart) is not left below them. A table that moves on to the next page still reports its cells here, so its room
    // is estimated from the text, not read from them.
    pageBreakBefore: (node, queries) => {
      if (!node.headlineLevel) return false;
      const following = queries.getFollowingNodesOnPage();
      return following.length === 0 || node.startPosition.top > s.page.height - margin.bottom - (rooms.get(node.text) ?? 0);
    },
    defaultStyle: { font: s.fonts.body, fontSize: s.font.size, lineHeight: lineMultiple(s), color: s.colour.text },
    styles: {
      title: { font: s.fonts.title, fontSize: s.heading[1], bold: s.headingBold[1], color: s.colour.accent, alignment: s.titleAlign, margin: [0, 12, 0, 12] },
      h1: { ...heading(1), margin: [0, 12, 0, 12] },
      h2: { ...heading(2), margin: [0, 14, 0, 6] },
      h3: { ...heading(3), color: s.colour.text, margin: [0, 10, 0, 4] },
      body: { margin: [0, 0, 0, 5], leadingIndent: s.indent * s.font.size },
      plain: { margin: [0, 0, 0, 5] },
      translation: { color: s.colour.translation, fontSize: s.font.size * 0.92, margin: [0, 0, 0, 6] },
      cover: { fontSize: 11, margin: [0, 0, 0, 8] },
      annex: { fontSize: s.annex, margin: [0, 0, 0, 3] },
      subhead: { bold: true, margin: [0, 4, 0, 3] },
      caption: { fontSize: s.small, lineHeight: 1.1, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
    },
  } as TDocumentDefinitions;
}

type PdfMake = {
  addFonts(fonts: object): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(def: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};
let pdfmake: PdfMake | undefined;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type OutlineItem = { outlineData: { Dest?: unknown[] }; children: OutlineItem[] };
type PdfKitDoc = {
  info: Record<string, unknown>; outline: OutlineItem; endMetadata(): void; endOutline(): void; _normalizeColor(colour: unknown): unknown;
  font(src: unknown, ...rest: unknown[]): PdfKitDoc; registerFont(name: string, src: Uint8Array): void; _registeredFonts: Record<string, unknown>;
};
type Patched = { briefing?: true };
type Renderer = { renderLine(line: { inlines: Fragment[] }, x: number, y: number): void } & Patched;

/** pdfmake's own modules, and the pdfkit it draws with. */
const pdfmakeModule = (path: string) => createRequire(require.resolve('pdfmake'))(path) as unknown;
function pdfkitPrototype(): PdfKitDoc {
  const pdfkit = pdfmakeModule('pdfkit') as { prototype: PdfKitDoc } | { default: { prototype: PdfKitDoc } };
  return ('default' in pdfkit ? pdfkit.default : pdfkit).prototype;
}
const rendererPrototype = () => (pdfmakeModule('./Renderer.js') as { default: { prototype: Renderer } }).default.prototype;

/**
 * Three fixes to pdfkit, made once on its prototype: it pastes Title, Author, Subject, Keywords, Creator and Producer
 * into the XMP packet unescaped (escaped there only); its bookmarks jump to the page's right edge (left kept instead);
 * it writes colours with 17 digits before every text fragment (4 decimals are finer than 8-bit colour).
 */
function patchPdfKitOnce(): void {
  const proto = pdfkitPrototype();
  if ((proto.endMetadata as Patched).briefing) return;
  const { endMetadata, endOutline, _normalizeColor: normaliseColour } = proto;
  proto._normalizeColor = function (this: PdfKitDoc, colour: unknown) {
    const out = normaliseColour.call(this, colour);
    return Array.isArray(out) ? out.map((v: unknown) => (typeof v === 'number' ? Math.round(v * 1e4) / 1e4 : v)) : out;
  };
  proto.endMetadata = Object.assign(function (this: PdfKitDoc) {
    const info = this.info;
    this.info = Object.fromEntries(Object.entries(info).map(([k, v]) => [k, typeof v === 'string' ? escapeXml(v) : v]));
    try {
      endMetadata.call(this);
    } finally {
      this.info = info;
    }
  }, { briefing: true as const });
  proto.endOutline = function (this: PdfKitDoc) {
    const visit = (item: OutlineItem): void => {
      const dest = item.outlineData.Dest;
      if (dest && dest[1] === 'XYZ') dest[2] = null;
      item.children.forEach(visit);
    };
    visit(this.outline);
    endOutline.call(this);
  };
}

/** The bytes of the faces loaded, by file: what pdfkit embeds from. */
const loadedFaces = new Map<string, Uint8Array>();

/**
 * pdfkit reads a font file again for every document (two 10 MB files, garbage once the PDF is written): it takes the
 * bytes already loaded instead, registered under the file's name, so that the document is the same to the byte.
 */
function fontsFromMemoryOnce(): void {
  const proto = pdfkitPrototype();
  if ((proto.font as Patched).briefing) return;
  const { font } = proto;
  proto.font = Object.assign(function (this: PdfKitDoc, src: unknown, ...rest: unknown[]) {
    const data = typeof src === 'string' && !this._registeredFonts[src] ? loadedFaces.get(src) : undefined;
    if (data) this.registerFont(src as string, data);
    return font.call(this, src, ...rest);
  }, { briefing: true as const });
}

/** What pdfmake's renderer draws one text fragment from (the fields the merge looks at). */
type Fragment = { text: string; x: number; width: number; font: object; fontSize: number; color?: unknown; opacity?: unknown } & Record<string, unknown>;
const UNMERGEABLE = ['link', 'linkToPage', 'linkToDestination', '_pageNodeRef', 'fontFeatures', 'sup', 'sub', 'decoration', 'background', 'characterSpacing'];

/** Whether `b` continues `a` in the same look, exactly where `a` ends: then one text operation draws both. */
function continues(a: Fragment, b: Fragment): boolean {
  return a.font === b.font && a.fontSize === b.fontSize && a.color === b.color && a.opacity === b.opacity
    && Math.abs(b.x - (a.x + a.width)) < 0.01 && !b.leadingCut && UNMERGEABLE.every((k) => !a[k] && !b[k]);
}

/**
 * pdfmake breaks Chinese text into one fragment per character (each a break opportunity) and draws each with its own
 * colour, font and text object: some 150 bytes a character. Fragments of a line that continue one another are drawn
 * as one; the glyphs stand where they stood. It halves the PDF.
 */
function mergeLineFragmentsOnce(): void {
  const proto = rendererPrototype();
  if (proto.briefing) return;
  const { renderLine } = proto;
  proto.renderLine = function (this: unknown, line, x, y) {
    const merged: Fragment[] = [];
    for (const inline of line.inlines) {
      const last = merged.at(-1);
      if (last && continues(last, inline)) merged[merged.length - 1] = { ...last, text: last.text + inline.text, width: last.width + inline.width, trailingCut: inline.trailingCut };
      else merged.push(inline);
    }
    const original = line.inlines;
    line.inlines = merged;
    try {
      renderLine.call(this, line, x, y);
    } finally {
      line.inlines = original;
    }
  };
  proto.briefing = true;
}

export async function renderPdf(def: TDocumentDefinitions, fonts: FontSet): Promise<Buffer> {
  if (!pdfmake) {
    pdfmake = require('pdfmake') as PdfMake;
    pdfmake.setUrlAccessPolicy(() => false);
    patchPdfKitOnce();
    linearLineBreaking();
    stylesOncePerParagraph();
    mergeLineFragmentsOnce();
    tagContentOnce(pdfkitPrototype(), rendererPrototype());
    objectStreamsOnce(pdfkitPrototype());
    fontsFromMemoryOnce();
  }
  const families = [...fonts.families.entries()];
  for (const face of facesOf(fonts)) loadedFaces.set(face.file, face.data);
  const allowed = new Set(families.flatMap(([, f]) => [f.regular.file, f.bold.file]));
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  // Every family under the name the style gives it (a missing one stands as its fallback's files).
  pdfmake.addFonts(Object.fromEntries(families.map(([name, f]) => [name, { normal: f.regular.file, bold: f.bold.file, italics: f.regular.file, bolditalics: f.bold.file }])));
  return Buffer.from(await pdfmake.createPdf(def).getBuffer());
}
