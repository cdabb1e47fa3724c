// Renders the document IR to DOCX through docx, with the fonts embedded and byte-stable output.
import {
  AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, ImageRun, LineRuleType, Packer, PageNumber,
  Paragraph, ShadingType, Table as DocxTable, TableCell, TableRow, TextRun, WidthType, type IRunOptions, type ParagraphChild,
} from 'docx';
import { strToU8, zipSync } from 'fflate';
import type { Block, DocumentIR, Inline, Table } from '../ir/types.js';
import type { RenderedChart } from '../charts/render-chart.js';
import { FONT_FAMILY, subsetFace, type FontSet } from '../fonts/fonts.js';
import { textsOf } from '../ir/types.js';
import { chartPngs } from './chart-png.js';
import { addCharts, chartPlaceholder, type PlacedChart } from './word-chart/package.js';
import { chartTexts, placeChart } from './word-chart/place.js';
import { contentWidth, STYLE } from './style.js';

export interface DocxInputs {
  ir: DocumentIR;
  charts: Map<string, RenderedChart>;
  pageLabel: string;
}

import type { DocxCharts } from '../output-options.js';
export { DOCX_CHARTS, type DocxCharts } from '../output-options.js';

const halfPoints = (pt: number) => Math.round(pt * 2);
const twips = (pt: number) => Math.round(pt * 20);
const hex = (colour: string) => colour.replace('#', '');
type RunStyle = Omit<IRunOptions, 'text' | 'children'>;

function runs(nodes: Inline[], style: RunStyle = {}): TextRun[] {
  return nodes.flatMap((n): TextRun[] => {
    switch (n.type) {
      case 'text': return [new TextRun({ text: n.value, ...style })];
      case 'strong': return runs(n.children, { ...style, bold: true });
      case 'emphasis': return runs(n.children, { ...style, color: hex(STYLE.colour.translation) });
      case 'mark': return [new TextRun({ text: n.value, superScript: true, ...style })];
      case 'break': return [new TextRun({ break: 1, ...style })];
      case 'span': {
        const own: RunStyle =
          n.class === 'translation' ? { color: hex(STYLE.colour.translation) }
          : STYLE.status[n.class] ? { color: hex(STYLE.status[n.class]!), bold: true }
          : {};
        return runs(n.children, { ...style, ...own });
      }
    }
  });
}

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;
const rule = { style: BorderStyle.SINGLE, size: 4, color: hex(STYLE.colour.rule) };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function table(t: Table, annex = false): (Paragraph | DocxTable)[] {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => twips((w / total) * contentWidth));
  const row = (cells: { children: Inline[] }[], header: boolean, sub: boolean) =>
    new TableRow({
      tableHeader: header,
      children: cells.map((c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: header ? { type: ShadingType.CLEAR, fill: hex(STYLE.colour.headerFill), color: 'auto' } : undefined,
          margins: { left: 80, right: 80, top: 20, bottom: 20 },
          children: [new Paragraph({
            alignment: header ? AlignmentType.CENTER : ALIGN[t.align[i] ?? 'left'],
            indent: sub && t.align[i] === 'left' && i === t.align.indexOf('left') ? { left: 160 } : undefined,
            spacing: { before: 0, after: 0, line: Math.round(240 * STYLE.table.lineHeight), lineRule: LineRuleType.AUTO },
            children: runs(c.children, { size: halfPoints(annex ? STYLE.table.annexSize : STYLE.table.size), bold: header || undefined, color: sub ? hex(STYLE.colour.subRow) : undefined }),
          })],
        })),
    });
  return [
    new Paragraph({ style: 'Caption', keepNext: true, children: runs(t.caption) }),
    new DocxTable({
      width: { size: twips(contentWidth), type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: rule, bottom: rule, insideHorizontal: rule, left: none, right: none, insideVertical: none },
      rows: [row(t.header, true, false), ...t.rows.map((r, i) => row(r, false, t.subRows.includes(i)))],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

/** What stands in a figure's paragraph: a picture, or the placeholder of a native chart. */
type FigureRun = (chart: string, caption: Inline[]) => ParagraphChild | undefined;

function blocks(list: Block[], figure: FigureRun, cover = false, annex = false): (Paragraph | DocxTable)[] {
  return list.flatMap((b): (Paragraph | DocxTable)[] => {
    switch (b.type) {
      case 'heading':
        return [new Paragraph({
          heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][b.depth - 1],
          keepNext: true,
          alignment: cover ? AlignmentType.CENTER : undefined,
          children: runs(b.children),
        })];
      case 'paragraph': {
        const translation = (b.class ?? '').split(' ').includes('translation');
        const subhead = (b.class ?? '').split(' ').includes('subhead');
        return [new Paragraph({
          style: translation ? 'Translation' : undefined,
          alignment: cover ? AlignmentType.CENTER : undefined,
          spacing: annex ? { after: 60 } : undefined,
          keepNext: subhead || undefined,
          children: runs(b.children, { ...(cover ? { size: halfPoints(11) } : annex ? { size: halfPoints(STYLE.annex) } : {}), ...(subhead ? { bold: true } : {}) }),
        })];
      }
      case 'list': {
        const size = annex ? { size: halfPoints(STYLE.annex) } : {};
        return b.items.flatMap((item, i) =>
          blocks(item, figure, false, annex).map((p, j) =>
            j === 0 && p instanceof Paragraph && !b.ordered
              ? new Paragraph({ bullet: { level: 0 }, children: runs(firstInlines(item), size) })
              : j === 0 && p instanceof Paragraph
                ? new Paragraph({ indent: { left: 360, hanging: 360 }, children: [new TextRun({ text: `${i + 1}.\t`, ...size }), ...runs(firstInlines(item), size)] })
                : p));
      }
      case 'table':
        return table(b, annex);
      case 'figure': {
        const run = figure(b.chart, b.caption);
        if (!run) return [];
        return [
          new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [run] }),
          new Paragraph({ style: 'Caption', children: runs(b.caption) }),
        ];
      }
      case 'div':
        if (b.class === 'cover') {
          return [new Paragraph({ spacing: { before: twips(150) }, children: [] }), ...blocks(b.children, figure, true), new Paragraph({ pageBreakBefore: true, children: [] })];
        }
        return blocks(b.children, figure, cover, annex || b.class === 'annex');
      case 'pageBreak':
        return [new Paragraph({ pageBreakBefore: true, children: [] })];
    }
  });
}

function firstInlines(item: Block[]): Inline[] {
  const first = item[0];
  return first && (first.type === 'paragraph' || first.type === 'heading') ? first.children : [];
}

function plainText(nodes: Inline[]): string {
  return nodes.map((n) => (n.type === 'text' || n.type === 'mark' ? n.value : 'children' in n ? plainText(n.children) : ' ')).join('');
}

/** Footer runs with live page fields where the label says {{page}} and {{pages}}. */
function pageRuns(label: string): ParagraphChild[] {
  return label.split(/(\{\{page\}\}|\{\{pages\}\})/).filter(Boolean).map((part) =>
    new TextRun({
      size: halfPoints(7.5),
      color: hex(STYLE.colour.translation),
      children: [part === '{{page}}' ? PageNumber.CURRENT : part === '{{pages}}' ? PageNumber.TOTAL_PAGES : part],
    }));
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

/** docx's own compiler: the package's parts by path, before docx zips them (zipping once, here, saves a deflate and an inflate). */
type Parts = Map<string, string | Uint8Array>;
const compileParts = (doc: Document): Parts => (Packer as unknown as { compiler: { compile(d: Document): Parts } }).compiler.compile(doc);

/** Zips the parts with fixed dates (core.xml's created/modified, every zip entry's time) and adds the native charts. */
function zipParts(parts: Parts, isoDate: string, charts: PlacedChart[]): Buffer {
  const stamp = `${isoDate}T00:00:00Z`;
  const mtime = new Date(stamp);
  const entries: Record<string, Uint8Array> = {};
  for (const [name, data] of parts) {
    const text = typeof data === 'string' ? data : undefined;
    entries[name] = name === 'docProps/core.xml'
      ? strToU8((text ?? new TextDecoder().decode(data as Uint8Array)).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${stamp}`))
      : text !== undefined ? strToU8(text) : data as Uint8Array;
  }
  addCharts(entries, charts, mtime);
  const out: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {};
  for (const [name, data] of Object.entries(entries)) out[name] = [data, { mtime, level: 6 }];
  return Buffer.from(zipSync(out));
}

/** Native charts, mapped from their specs (an unmapped feature stops here), for the figures the document shows. */
function nativeCharts(ir: DocumentIR, charts: Map<string, RenderedChart>, fonts: FontSet): Map<string, PlacedChart> {
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

export async function renderDocx({ ir, charts, pageLabel }: DocxInputs, fonts: FontSet, chartsAs: DocxCharts = 'native'): Promise<Buffer> {
  const native = chartsAs === 'native' ? nativeCharts(ir, charts, fonts) : new Map<string, PlacedChart>();
  const pngs = chartsAs === 'image' ? await chartPngs(charts, fonts) : new Map<string, Buffer>();
  const figure: FigureRun = (id, caption) => {
    if (native.has(id)) return new TextRun(chartPlaceholder(id));
    const chart = charts.get(id);
    const png = pngs.get(id);
    if (!chart || !png) return undefined;
    const widthPt = Math.min(contentWidth, chart.width);
    const px = (pt: number) => Math.round((pt * 96) / 72);
    return new ImageRun({
      type: 'png',
      data: png,
      transformation: { width: px(widthPt), height: px((chart.height * widthPt) / chart.width) },
      altText: { id: String([...pngs.keys()].indexOf(id) + 1), name: id, title: id, description: plainText(caption) },
    });
  };
  const used = [...textsOf(ir.blocks)].map((t) => t.text).join('') + ir.meta.header + pageLabel + ir.meta.title + [...native.values()].map(chartTexts).join('');
  const [regular, bold] = await Promise.all([subsetFace(fonts.regular, used), subsetFace(fonts.bold, used)]);
  const font = { ascii: FONT_FAMILY, eastAsia: FONT_FAMILY, hAnsi: FONT_FAMILY, cs: FONT_FAMILY };
  const headingRun = (size: number) => ({ font, size: halfPoints(size), bold: true, color: hex(STYLE.colour.accent) });
  const { margin } = STYLE.page;

  const packed = withSeededRandom(`${ir.meta.title}|${ir.meta.lang}|${ir.meta.revision}`, () => {
    const doc = new Document({
      title: ir.meta.title,
      subject: ir.meta.subject,
      creator: 'briefing',
      lastModifiedBy: 'briefing',
      description: `revision ${ir.meta.revision}`,
      revision: ir.meta.revision,
      fonts: [{ name: FONT_FAMILY, data: regular, bold }],
      styles: {
        default: {
          document: {
            run: { font, size: halfPoints(STYLE.font.size), color: hex(STYLE.colour.text), language: { value: 'en-US', eastAsia: 'zh-CN' } },
            paragraph: { spacing: { after: 100, line: Math.round(240 * STYLE.font.lineHeight), lineRule: LineRuleType.AUTO } },
          },
          heading1: { run: headingRun(STYLE.heading[1]), paragraph: { spacing: { before: 240, after: 240 } } },
          heading2: { run: headingRun(STYLE.heading[2]), paragraph: { spacing: { before: 280, after: 120 }, keepNext: true } },
          heading3: { run: headingRun(STYLE.heading[3]), paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
        },
        paragraphStyles: [
          { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: halfPoints(STYLE.small) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 60, after: 80 } } },
          { id: 'Translation', name: 'Translation', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { color: hex(STYLE.colour.translation), size: halfPoints(STYLE.font.size * 0.92) } },
        ],
      },
      sections: [{
        properties: {
          titlePage: true,
          page: {
            size: { width: twips(STYLE.page.width), height: twips(STYLE.page.height) },
            margin: { top: twips(margin.top), right: twips(margin.right), bottom: twips(margin.bottom), left: twips(margin.left), header: twips(28), footer: twips(24) },
          },
        },
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: ir.meta.header, size: halfPoints(7.5), color: hex(STYLE.colour.translation) })] })] }),
          first: new Header({ children: [] }),
        },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: pageRuns(pageLabel) })] }),
          first: new Footer({ children: [] }),
        },
        children: blocks(ir.blocks, figure),
      }],
    });
    return compileParts(doc);
  });
  return zipParts(packed, ir.meta.date, [...native.values()]);
}
