// Places a document's charts as native Word charts: maps each figure's spec, sizes it as the picture would be and lays out its plot area.
import type { RenderedChart } from '../../charts/render-chart.js';
import { FONT_FAMILY, measureText, type FontSet } from '../../fonts/fonts.js';
import type { DocumentMeta } from '../../ir/types.js';
import type { PlotArea } from './chart-xml.js';
import { mapSpec, type WordChart } from './map-spec.js';
import type { PlacedChart } from './package.js';

const LINE = 1.3;

/**
 * The plot area from measured text, as vega lays it out: category labels beside it, tick labels, axis titles and
 * the legend below, the title above. Word and LibreOffice would otherwise wrap, rotate or skip labels they find crowded.
 */
function plotArea(c: WordChart, fonts: FontSet, scale: number, widthPt: number, heightPt: number): { plot: PlotArea; heightPt: number } {
  const pt = (size: number) => size * scale;
  const widest = (texts: string[], size: number) => Math.max(0, ...texts.flatMap((t) => t.split('\n')).map((t) => measureText(fonts.regular, t, pt(size))));
  const lines = (t: string | undefined) => (t ? t.split('\n').length : 0);
  const titleBlock = (t: string | undefined, size: number) => lines(t) * pt(size) * LINE + (t ? 8 : 0);
  const legendNames = c.legend ? c.series.filter((s) => !s.hidden).map((s) => s.name) : [];
  const legendWidth = legendNames.reduce((sum, n) => sum + widest([n], c.text.legend) + 24, 0);
  const legendRows = legendNames.length === 0 ? 0 : Math.ceil(legendWidth / (widthPt * 0.9));
  const legend = legendRows * pt(c.text.legend) * LINE * 1.4 + (legendRows ? 12 : 0);
  const tickLabels = widest([String(Math.max(0, ...c.series.flatMap((s) => s.values.map((v) => v ?? 0))))], c.text.label) + 6;
  const categoryLines = Math.max(1, ...c.categories.map(lines));
  const top = Math.max(6, lines(c.title?.text) * pt(c.text.chartTitle) * 1.5 + (c.title ? 14 : 0));
  let left: number;
  let bottom: number;
  if (c.direction === 'bar') {
    left = widest(c.categories, c.text.label) + 8 + titleBlock(c.categoryAxis.title, c.text.title);
    bottom = pt(c.text.label) * LINE + 10 + titleBlock(c.valueAxis.title, c.text.title) + legend;
  } else {
    left = tickLabels + titleBlock(c.valueAxis.title, c.text.title);
    bottom = categoryLines * pt(c.text.label) * LINE + 10 + titleBlock(c.categoryAxis.title, c.text.title) + legend;
  }
  const right = 16;
  // Horizontal bars: give every labelled category room for its lines.
  let height = heightPt;
  if (c.direction === 'bar') {
    const labelled = c.categories.flatMap((t, i) => (t ? [i] : []));
    const slot = Math.max(0, ...labelled.slice(1).map((j, k) => ((lines(c.categories[labelled[k]!]) + lines(c.categories[j])) / 2) * pt(c.text.label) * LINE * 1.15 / (j - labelled[k]!)));
    height = Math.max(heightPt, top + bottom + slot * c.categories.length);
  }
  return { plot: { x: left / widthPt, y: top / height, w: (widthPt - left - right) / widthPt, h: (height - top - bottom) / height }, heightPt: height };
}

/** Maps the chart a figure shows; the page width caps its size, as for a picture. */
export function placeChart(id: string, chart: RenderedChart, description: string, maxWidthPt: number, lang: DocumentMeta['lang'], fonts: FontSet): PlacedChart {
  const widthPt = Math.min(maxWidthPt, chart.width);
  const scale = widthPt / chart.width;
  const model = mapSpec(id, chart.spec);
  const { plot, heightPt } = plotArea(model, fonts, scale, widthPt, chart.height * scale);
  return { chart: model, widthPt, heightPt, description, style: { font: FONT_FAMILY, scale, lang: lang === 'en' ? 'en-US' : 'zh-CN', plot } };
}

/** Every text a chart shows, so that the embedded font subset holds its characters (digits for values and ticks). */
export function chartTexts(placed: PlacedChart): string {
  const c = placed.chart;
  return [
    c.title?.text, c.categoryAxis.title, c.valueAxis.title,
    ...c.categories, ...c.series.map((s) => s.name), ...c.series.flatMap((s) => s.labels?.texts ?? []),
    '0123456789.,-%',
  ].filter(Boolean).join('');
}
