// Renders the document IR to DOCX through docx, with the fonts embedded and byte-stable output.
import {
  AlignmentType, Document, Footer, Header, ImageRun, Packer, PageNumber, Paragraph, SequentialIdentifier, Table as DocxTable,
  LineRuleType, TableCell, TableOfContents, TableRow, TextRun, WidthType, type IParagraphOptions, type IRunOptions, type PageNumberEstimator, type ParagraphChild,
} from 'docx';
import { strToU8, zipSync } from 'fflate';
import { estimatePageNumbersWith } from 'docx/layout';
import type { Block, DocumentIR, Inline, Table } from '../ir/types.js';
import type { RenderedChart } from '../charts/render-chart.js';
import { FONT_FAMILY, familyOf, subsetFace, type FontSet } from '../fonts/fonts.js';
import { textsOf } from '../ir/types.js';
import { chartPngs } from './chart-png.js';
import { addCharts, chartPlaceholder, PLACEHOLDER_PNG, type PlacedChart } from './word-chart/package.js';
import { CHAR_STYLE, docxStyles, finishStyles, LANG, PARA_STYLE, TABLE_STYLE, twips, type RunLang } from './docx-styles.js';
import { chartTexts, placeChart } from './word-chart/place.js';
import { contentWidthOf, DEFAULT_STYLE, familiesOf, type Style } from './style.js';

export interface DocxInputs {
  ir: DocumentIR;
  charts: Map<string, RenderedChart>;
  pageLabel: string;
}

import type { DocxCharts } from '../output-options.js';
export { DOCX_CHARTS, type DocxCharts } from '../output-options.js';

type RunStyle = Omit<IRunOptions, 'text' | 'children'>;

/** What a run inherits from where it stands: its language and the character style of the span around it. */
interface RunContext { lang: RunLang; style?: string; extra?: RunStyle }

function runs(nodes: Inline[], ctx: RunContext): TextRun[] {
  const base = (): RunStyle => ({ ...(ctx.style ? { style: ctx.style } : {}), language: LANG[ctx.lang], ...ctx.extra });
  return nodes.flatMap((n): TextRun[] => {
    switch (n.type) {
      case 'text': return [new TextRun({ text: n.value, ...base() })];
      case 'strong': return runs(n.children, ctx.style ? { ...ctx, extra: { ...ctx.extra, bold: true } } : { ...ctx, style: CHAR_STYLE.strong });
      case 'emphasis': return runs(n.children, { ...ctx, style: CHAR_STYLE.emphasis });
      case 'mark': return [new TextRun({ text: n.value, ...base(), style: CHAR_STYLE.mark })];
      case 'break': return [new TextRun({ break: 1, ...base() })];
      case 'span':
        return runs(n.children, n.class === 'translation' ? { ...ctx, lang: 'en', style: CHAR_STYLE.translation } : CHAR_STYLE[n.class] ? { ...ctx, style: CHAR_STYLE[n.class] } : ctx);
    }
  });
}

/** The languages of a text: in zh-en, "中文 <break> :span[English]{.translation}" is two parts, each with its language. */
function languages(nodes: Inline[], mode: DocumentIR['meta']['lang']): { lang: RunLang; nodes: Inline[]; translation: boolean }[] {
  if (mode !== 'zh-en') return [{ lang: mode, nodes, translation: false }];
  const last = nodes.at(-1);
  if (nodes.length >= 3 && nodes.at(-2)!.type === 'break' && last?.type === 'span' && last.class === 'translation') {
    return [{ lang: 'zh', nodes: nodes.slice(0, -2), translation: false }, { lang: 'en', nodes: last.children, translation: true }];
  }
  return [{ lang: 'zh', nodes, translation: false }];
}

/** A caption's runs with its number ("表1 ", "Figure 1. ") as a SEQ field whose result is written. */
function captionRuns(nodes: Inline[], lang: RunLang): ParagraphChild[] {
  const [first, ...rest] = nodes;
  const m = first?.type === 'text' ? /^(\D*?)(\d+)(\D*)$/.exec(first.value) : null;
  if (!m || !m[1]!.trim()) return runs(nodes, { lang });
  return [
    ...runs([{ type: 'text', value: m[1]! }], { lang }),
    new SequentialIdentifier(m[1]!.trim()),
    ...runs([{ type: 'text', value: m[3]! }, ...rest], { lang }),
  ];
}

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

/**
 * Where a block stands: the language mode, in the annex (smaller type) or not, without first-line indents (the title
 * block) or not, what has been placed once (title, contents), and the width of the type area.
 */
interface Context { mode: DocumentIR['meta']['lang']; figure: FigureRun; annex: boolean; plain?: boolean; placed: { title: boolean; toc: boolean }; contentWidth: number }

/** One paragraph per language of the text, in the style given (its translation style for the English part). */
function paragraphs(nodes: Inline[], ctx: Context, style: { zh?: string; en?: string }, options: Omit<IParagraphOptions, 'children' | 'style'> = {}, english = false): Paragraph[] {
  const parts = english ? [{ lang: 'en' as const, nodes, translation: true }] : languages(nodes, ctx.mode);
  return parts.map((part) => {
    const own = part.translation ? style.en : style.zh;
    return new Paragraph({ ...options, ...(own ? { style: own } : {}), children: runs(part.nodes, { lang: part.lang }) });
  });
}

function captions(nodes: Inline[], ctx: Context): Paragraph[] {
  return languages(nodes, ctx.mode).map((part) => new Paragraph({ style: PARA_STYLE.caption, children: captionRuns(part.nodes, part.lang) }));
}

const BODY_TABLE = { heading: PARA_STYLE.tableHeading, sub: PARA_STYLE.tableSubText, text: PARA_STYLE.tableText };
const ANNEX_TABLE = { heading: PARA_STYLE.annexTableHeading, sub: PARA_STYLE.annexTableSubText, text: PARA_STYLE.annexTableText };

/** A table cell's margins left and right, in twips (4 pt, as the PDF's cell padding). */
const CELL_MARGIN = 80;

function table(t: Table, ctx: Context): (Paragraph | DocxTable)[] {
  const total = t.widths.reduce((a, b) => a + b, 0);
  // The widths share the room for text, as in the PDF; each cell adds its margins.
  const margins = (2 * CELL_MARGIN) / 20;
  const widths = t.widths.map((w) => twips((w / total) * (ctx.contentWidth - t.widths.length * margins) + margins));
  const row = (cells: { children: Inline[] }[], header: boolean, sub: boolean) =>
    new TableRow({
      tableHeader: header,
      // As in the PDF, a row stays on one page (and docx can then lay out the pages to number the table of contents).
      cantSplit: true,
      children: cells.map((c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          children: languages(c.children, ctx.mode).map((part) => new Paragraph({
            style: (ctx.annex ? ANNEX_TABLE : BODY_TABLE)[header ? 'heading' : sub ? 'sub' : 'text'],
            alignment: header || (t.align[i] ?? 'left') === 'left' ? undefined : ALIGN[t.align[i]!],
            indent: sub && t.align[i] === 'left' && i === t.align.indexOf('left') ? { left: 160 } : undefined,
            children: runs(part.nodes, { lang: part.lang }),
          })),
        })),
    });
  return [
    ...captions(t.caption, ctx),
    new DocxTable({
      style: TABLE_STYLE,
      width: { size: twips(ctx.contentWidth), type: WidthType.DXA },
      columnWidths: widths,
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 20, bottom: 20 },
      rows: [row(t.header, true, false), ...t.rows.map((r, i) => row(r, false, t.subRows.includes(i)))],
    }),
    // The gap after a table, 6 pt as in the PDF: an empty paragraph (Word joins tables that touch) exactly that tall.
    new Paragraph({ spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT }, children: [] }),
  ];
}

/** What stands in a figure's paragraph: a picture, or the placeholder of a native chart. */
type FigureRun = (chart: string, caption: Inline[]) => ParagraphChild | undefined;

/**
 * docx's Word layout, without its list numbers: our headings carry their numbers in their text, so the contents need
 * no numbering read from the document, which is a whole second reading of it.
 */
const wordLayout = estimatePageNumbersWith({ guess: true });
const pagesOfBookmarks: PageNumberEstimator = (body, context) => wordLayout(body, context);

/** The table of contents, written with its entries and page numbers (no "update fields" prompt), before the first section. */
const toc = () => new TableOfContents(undefined, { hyperlink: true, headingStyleRange: '1-2' });

/** The English of a zh-en paragraph: in the annex, in the annex's smaller type, as in the PDF. */
const translationStyle = (ctx: Context) => (ctx.annex ? PARA_STYLE.annexTranslation : PARA_STYLE.translation);

function blocks(list: Block[], ctx: Context): (Paragraph | DocxTable | TableOfContents)[] {
  return list.flatMap((b): (Paragraph | DocxTable | TableOfContents)[] => {
    switch (b.type) {
      case 'heading': {
        if (b.depth === 1 && !ctx.placed.title) {
          ctx.placed.title = true;
          return paragraphs(b.children, ctx, { zh: PARA_STYLE.title, en: PARA_STYLE.titleTranslation });
        }
        const level = Math.max(1, b.depth - 1) as 1 | 2 | 3;
        const before = ctx.placed.toc ? [] : [toc()];
        ctx.placed.toc = true;
        return [...before, ...paragraphs(b.children, ctx, { zh: PARA_STYLE.heading(level), en: PARA_STYLE.headingTranslation(level) })];
      }
      case 'paragraph': {
        const classes = (b.class ?? '').split(' ');
        // A subheading stays with what follows it, like a heading.
        const subhead = classes.includes('subhead');
        const zh = subhead ? PARA_STYLE.subheading : ctx.annex ? PARA_STYLE.annexText : ctx.plain ? undefined : PARA_STYLE.body;
        return paragraphs(b.children, ctx, { ...(zh ? { zh } : {}), en: translationStyle(ctx) }, subhead ? { keepNext: true } : {}, classes.includes('translation'));
      }
      case 'list':
        return b.items.flatMap((item, i) => {
          const [first, ...more] = item;
          const head = first && (first.type === 'paragraph' || first.type === 'heading') ? languages(first.children, ctx.mode) : [];
          const marked = head.map((part, j) => {
            const children = runs(part.nodes, { lang: part.lang });
            if (j > 0) return new Paragraph({ style: translationStyle(ctx), indent: { left: 360 }, children });
            const style = ctx.annex ? { style: PARA_STYLE.annexText } : {};
            if (!b.ordered) return new Paragraph({ ...style, bullet: { level: 0 }, children });
            return new Paragraph({ ...style, indent: { left: 360, hanging: 360 }, children: [new TextRun({ text: `${i + 1}.\t`, language: LANG[part.lang] }), ...children] });
          });
          // The item's other paragraphs (its translation in zh-en) stand under its text, not under the bullet.
          const rest = (head.length > 0 ? more : item).flatMap((block) => block.type === 'paragraph'
            ? paragraphs(block.children, ctx, { en: translationStyle(ctx) }, { indent: { left: 360 } }, (block.class ?? '').split(' ').includes('translation'))
            : blocks([block], ctx));
          return [...marked, ...rest];
        });
      case 'table':
        return table(b, ctx);
      case 'figure': {
        const run = ctx.figure(b.chart, b.caption);
        if (!run) return [];
        return [new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [run] }), ...captions(b.caption, ctx)];
      }
      case 'div':
        // The title block stands as the title does: no first-line indents.
        return blocks(b.children, b.class === 'annex' ? { ...ctx, annex: true } : b.class === 'title-block' ? { ...ctx, plain: true } : ctx);
      case 'pageBreak':
        return [new Paragraph({ pageBreakBefore: true, children: [] })];
    }
  });
}


/** The text the styles set in bold (title, headings, captions, table headings, strong and status words): all the bold face must hold. */
function boldText(list: Block[]): string {
  const strong = (nodes: Inline[]): string => nodes.map((n) => (n.type === 'strong' || (n.type === 'span' && CHAR_STYLE[n.class]?.startsWith('Status')) ? plainText(n.children) : 'children' in n ? strong(n.children) : '')).join('');
  return list.map((b) => {
    switch (b.type) {
      case 'heading': return plainText(b.children);
      case 'paragraph': return strong(b.children);
      case 'list': return b.items.map(boldText).join('');
      case 'table': return plainText(b.caption) + b.header.map((c) => plainText(c.children)).join('') + b.rows.flat().map((c) => strong(c.children)).join('');
      case 'figure': return plainText(b.caption);
      case 'div': return boldText(b.children);
      case 'pageBreak': return '';
    }
  }).join('');
}

function plainText(nodes: Inline[]): string {
  return nodes.map((n) => (n.type === 'text' || n.type === 'mark' ? n.value : 'children' in n ? plainText(n.children) : ' ')).join('');
}

/** Footer runs with live page fields where the label says {{page}} and {{pages}}. */
function pageRuns(label: string, lang: RunLang): ParagraphChild[] {
  return label.split(/(\{\{page\}\}|\{\{pages\}\})/).filter(Boolean).map((part) =>
    new TextRun({ language: LANG[lang], children: [part === '{{page}}' ? PageNumber.CURRENT : part === '{{pages}}' ? PageNumber.TOTAL_PAGES : part] }));
}

/** A seeded stand-in for Math.random, so that docx's ids and font keys come out the same every time. */
function withSeededRandom<T>(seed: string, work: () => T): T {
  let state = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  const original = Math.random;
  Math.random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return work();
  } finally {
    Math.random = original;
  }
}

/** docx numbers heading bookmarks (_TocN) and bookmark ids on from one document to the next in a process: number them from 1 in each. */
function renumberBookmarks(xml: string): string {
  const renumber = (pattern: RegExp) => {
    const seen = new Map<string, number>();
    xml = xml.replace(pattern, (_, before: string, n: string, after: string) => {
      if (!seen.has(n)) seen.set(n, seen.size + 1);
      return `${before}${seen.get(n)}${after}`;
    });
  };
  renumber(/(_Toc)(\d+)()/g);
  renumber(/(<w:bookmark(?:Start|End) [^>]*?w:id=")(\d+)(")/g);
  return xml;
}

/** docx's own compiler: the package's parts by path, before docx zips them (zipping once, here, saves a deflate and an inflate). */
type Parts = Map<string, string | Uint8Array>;
const compileParts = (doc: Document): Parts => (Packer as unknown as { compiler: { compile(d: Document): Parts } }).compiler.compile(doc);

/** Parts whose text is finished here: dates docx takes from the clock, bookmark numbers, the styles docx cannot write. */
function finishPart(name: string, text: string, stamp: string, style: Style): string {
  if (name === 'docProps/core.xml') return text.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${stamp}`);
  if (name === 'word/document.xml') return renumberBookmarks(text);
  if (name === 'word/styles.xml') return finishStyles(text, style);
  return text;
}

/** Zips the parts with fixed dates (every entry's time too) and the native charts added. */
function zipParts(parts: Parts, isoDate: string, charts: PlacedChart[], style: Style): Buffer {
  const stamp = `${isoDate}T00:00:00Z`;
  const mtime = new Date(stamp);
  const entries: Record<string, Uint8Array> = {};
  for (const [name, data] of parts) entries[name] = typeof data === 'string' ? strToU8(finishPart(name, data, stamp, style)) : data;
  addCharts(entries, charts, mtime);
  const out: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {};
  for (const [name, data] of Object.entries(entries)) out[name] = [data, { mtime, level: 6 }];
  return Buffer.from(zipSync(out));
}

/** Native charts, mapped from their specs (an unmapped feature stops here), for the figures the document shows. */
function nativeCharts(ir: DocumentIR, charts: Map<string, RenderedChart>, fonts: FontSet, contentWidth: number): Map<string, PlacedChart> {
  const placed = new Map<string, PlacedChart>();
  const visit = (list: Block[]): void => {
    for (const b of list) {
      if (b.type === 'figure' && charts.has(b.chart) && !placed.has(b.chart)) placed.set(b.chart, placeChart(b.chart, charts.get(b.chart)!, plainText(b.caption), contentWidth, ir.meta.lang, fonts));
      if (b.type === 'div') visit(b.children);
      if (b.type === 'list') b.items.forEach(visit);
    }
  };
  visit(ir.blocks);
  return placed;
}

export async function renderDocx({ ir, charts, pageLabel }: DocxInputs, fonts: FontSet, chartsAs: DocxCharts = 'native', style: Style = DEFAULT_STYLE): Promise<Buffer> {
  // Families under the names of the faces embedded for them (a family the fonts folder lacks stands as its fallback).
  const real = (name: string) => familyOf(fonts, name).name;
  const s: Style = { ...style, fonts: { body: real(style.fonts.body), title: real(style.fonts.title), heading: { 1: real(style.fonts.heading[1]), 2: real(style.fonts.heading[2]), 3: real(style.fonts.heading[3]) } } };
  const contentWidth = contentWidthOf(s);
  const native = chartsAs === 'native' ? nativeCharts(ir, charts, fonts, contentWidth) : new Map<string, PlacedChart>();
  const pngs = chartsAs === 'image' ? await chartPngs(charts, fonts) : new Map<string, Buffer>();
  const px = (pt: number) => Math.round((pt * 96) / 72);
  const figure: FigureRun = (id, caption) => {
    const placed = native.get(id);
    if (placed) {
      return new ImageRun({ type: 'png', data: PLACEHOLDER_PNG, transformation: { width: px(placed.widthPt), height: px(placed.heightPt) }, altText: { id: '0', name: chartPlaceholder(id), title: id, description: '' } });
    }
    const chart = charts.get(id);
    const png = pngs.get(id);
    if (!chart || !png) return undefined;
    const widthPt = Math.min(contentWidth, chart.width);
    return new ImageRun({
      type: 'png',
      data: png,
      transformation: { width: px(widthPt), height: px((chart.height * widthPt) / chart.width) },
      altText: { id: String([...pngs.keys()].indexOf(id) + 1), name: id, title: id, description: plainText(caption) },
    });
  };
  // Also the bullets docx's list numbering draws in the paragraph's font, and the dashes of "— 1 —".
  const used = [...textsOf(ir.blocks)].map((t) => t.text).join('') + ir.meta.header + pageLabel + ir.meta.title + [...native.values()].map(chartTexts).join('') + '●○■— ';
  const boldUsed = boldText(ir.blocks) + ir.meta.title + [...native.values()].map((c) => c.chart.title?.text ?? '').join('');
  // Every family the style sets text in, and Noto Sans SC for the charts.
  const families = [...new Map([FONT_FAMILY, ...familiesOf(s)].map((name) => familyOf(fonts, name)).map((f) => [f.name, f])).values()];
  const embedded = await Promise.all(families.map(async (f) => ({ name: f.name, data: await subsetFace(f.regular, used), bold: await subsetFace(f.bold, boldUsed) })));
  const { margin } = s.page;
  const dashes = s.pageNumbers === 'dashes';
  const pageNumber = (alignment: 'right' | 'left') => new Footer({ children: [new Paragraph({ style: PARA_STYLE.footer, alignment, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] });
  const lang: RunLang = ir.meta.lang === 'en' ? 'en' : 'zh';

  const packed = withSeededRandom(`${ir.meta.title}|${ir.meta.lang}|${ir.meta.revision}`, () => {
    const doc = new Document({
      title: ir.meta.title,
      subject: ir.meta.subject,
      creator: 'briefing',
      lastModifiedBy: 'briefing',
      description: `revision ${ir.meta.revision}`,
      revision: ir.meta.revision,
      fonts: embedded,
      styles: docxStyles(s, lang),
      // "— 1 —" at the outer edge: right on odd pages, left on even ones.
      evenAndOddHeaderAndFooters: dashes,
      // Lays the pages out as Word would, so the table of contents and SEQ fields are written with their results; past
      // what the layout does not follow yet (a caption kept with a table whose header rows repeat, at a page's top), with
      // its best guess rather than leaving the numbers after it blank.
      pageNumbers: pagesOfBookmarks,
      sections: [{
        properties: {
          titlePage: !dashes,
          page: {
            size: { width: twips(s.page.width), height: twips(s.page.height) },
            margin: { top: twips(margin.top), right: twips(margin.right), bottom: twips(margin.bottom), left: twips(margin.left), header: twips(28), footer: twips(24) },
          },
        },
        headers: {
          default: new Header({ children: [new Paragraph({ style: PARA_STYLE.header, children: s.runningHeader ? [new TextRun({ text: ir.meta.header, language: LANG[lang] })] : [] })] }),
          first: new Header({ children: [new Paragraph({ style: PARA_STYLE.header, children: [] })] }),
          ...(dashes ? { even: new Header({ children: [new Paragraph({ style: PARA_STYLE.header, children: [] })] }) } : {}),
        },
        footers: dashes
          ? { default: pageNumber('right'), even: pageNumber('left') }
          : {
            default: new Footer({ children: [new Paragraph({ style: PARA_STYLE.footer, children: pageRuns(pageLabel, lang) })] }),
            first: new Footer({ children: [new Paragraph({ style: PARA_STYLE.footer, children: [] })] }),
          },
        children: blocks(ir.blocks, { mode: ir.meta.lang, figure, annex: false, placed: { title: false, toc: false }, contentWidth }),
      }],
    });
    return compileParts(doc);
  });
  return zipParts(packed, ir.meta.date, [...native.values()], s);
}
