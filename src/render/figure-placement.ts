// Places a PDF's figures so that pages fill: a chart too tall for what is left of a page moves ahead of its section's table.
//
// A chart cannot break across pages. Where one does not fit below the table and notes before it, pdfmake starts it on
// a new page and leaves the page before nearly empty; standing before that table instead (after the section's heading
// and opening text), the chart comes first and the table, which can break, fills the pages after it. The document is
// laid out both ways and the fuller one kept. Where a page after a chart is still left nearly empty (what spilled over
// from the body's last table), the charts are tried a little smaller, and kept so only when the document is a page shorter.
import type { Block, DocumentIR } from '../ir/types.js';
import type { FontSet } from '../fonts/fonts.js';
import { pdfDefinition, renderPdf, type PdfInputs } from './pdf.js';
import { layoutOf, recordLayouts, type PageFill } from './pdf-layout.js';
import { contentWidthOf, DEFAULT_STYLE, type Style } from './style.js';
import type { RenderedChart } from '../charts/render-chart.js';

/** A page before a chart that is less full than this (a share of its text area) counts as left empty by it. */
const EMPTY_BEFORE_FIGURE = 0.6;

interface Rendered {
  pdf: Buffer;
  pages: PageFill[];
}

async function render(inputs: PdfInputs, fonts: FontSet, style: Style | undefined): Promise<Rendered> {
  recordLayouts();
  const def = pdfDefinition(inputs, style);
  const pdf = await renderPdf(def, fonts);
  return { pdf, pages: layoutOf(def.content as object) ?? [] };
}

const filled = (p: PageFill) => (p.end - p.top) / (p.bottom - p.top);

/** A page less full than this, the document's last aside, is nearly empty: what spilled onto it may come back. */
const NEARLY_EMPTY = 0.25;
/** The scales charts are tried at, largest first; below three quarters their labels would be too small to read. */
const SMALLER = [0.85, 0.75];

/** Whether a page, the last aside, is nearly empty after a page holding a chart: smaller charts might take back what spilled onto it. */
function spillsAfterChart(pages: PageFill[]): boolean {
  const thin = pages.slice(0, -1).findIndex((p) => filled(p) < NEARLY_EMPTY);
  return thin > 0 && pages.slice(0, thin).some((p) => p.pictures.length > 0);
}

/** The charts as drawn at `scale` of the width they are drawn at now (at most the text width), in proportion. */
function smaller(charts: Map<string, RenderedChart>, scale: number, style: Style): Map<string, RenderedChart> {
  return new Map([...charts].map(([id, chart]) => {
    const width = Math.min(contentWidthOf(style), chart.width) * scale;
    return [id, { ...chart, width, height: (chart.height * width) / chart.width }];
  }));
}

/** For each chart in page order, whether it opens a page and leaves the page before it less than EMPTY_BEFORE_FIGURE full. */
function leftEmpty(pages: PageFill[]): boolean[] {
  return pages.flatMap((page, i) => page.pictures.map((top) => i > 0 && top - page.top < 2 && filled(pages[i - 1]!) < EMPTY_BEFORE_FIGURE));
}

/** Lower is better: more pages, then pages left empty (the last page aside), by the square of their emptiness. */
function cost(pages: PageFill[]): [number, number] {
  return [pages.length, pages.slice(0, -1).reduce((sum, p) => sum + (1 - filled(p)) ** 2, 0)];
}
const better = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1] - 1e-6);

/** Where the k-th shown figure stands: its list and index in the block tree. */
function findFigure(blocks: Block[], shown: (chart: string) => boolean, k: number): { list: Block[]; index: number } | undefined {
  let seen = 0;
  const walk = (list: Block[]): { list: Block[]; index: number } | undefined => {
    for (const [index, b] of list.entries()) {
      if (b.type === 'figure' && shown(b.chart) && seen++ === k) return { list, index };
      if (b.type === 'div') {
        const found = walk(b.children);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(blocks);
}

/** The blocks with one figure moved ahead of the nearest table before it in its section; undefined where there is none. */
function aheadOfTable(ir: DocumentIR, shown: (chart: string) => boolean, k: number): DocumentIR | undefined {
  const blocks = structuredClone(ir.blocks);
  const at = findFigure(blocks, shown, k);
  if (!at) return undefined;
  let table = -1;
  for (let j = at.index - 1; j >= 0 && at.list[j]!.type !== 'heading' && at.list[j]!.type !== 'figure'; j--) if (at.list[j]!.type === 'table') table = j;
  if (table < 0) return undefined;
  const [figure] = at.list.splice(at.index, 1);
  at.list.splice(table, 0, figure!);
  return { ...ir, blocks };
}

/** The PDF with each chart that leaves the page before it nearly empty moved ahead of its section's table, where that fills the pages better; then, where a page after a chart is still nearly empty, with smaller charts if that saves the page. */
export async function renderPdfPlaced(inputs: PdfInputs, fonts: FontSet, style?: Style): Promise<Buffer> {
  let best = await render(inputs, fonts, style);
  let current = inputs;
  const shown = (chart: string) => inputs.charts.has(chart);
  // Chart by chart, in order, each on the layout the moves before it made.
  for (let k = 0; k < leftEmpty(best.pages).length; k++) {
    if (!leftEmpty(best.pages)[k]) continue;
    const ir = aheadOfTable(current.ir, shown, k);
    if (!ir) continue;
    const candidate = await render({ ...current, ir }, fonts, style);
    if (better(cost(candidate.pages), cost(best.pages))) {
      best = candidate;
      current = { ...current, ir };
    }
  }
  if (!spillsAfterChart(best.pages)) return best.pdf;
  // The smallest first: where it does not save the page, no scale does; where it does, the largest that does is kept.
  const at = (scale: number) => render({ ...current, charts: smaller(current.charts, scale, style ?? DEFAULT_STYLE) }, fonts, style);
  const smallest = await at(SMALLER.at(-1)!);
  if (smallest.pages.length >= best.pages.length) return best.pdf;
  for (const scale of SMALLER.slice(0, -1)) {
    const candidate = await at(scale);
    if (candidate.pages.length < best.pages.length) return candidate.pdf;
  }
  return smallest.pdf;
}
