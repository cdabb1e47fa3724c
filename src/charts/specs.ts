// Vega-Lite specs for a briefing's charts, built from its findings in one language mode.
import type { TopLevelSpec } from 'vega-lite';
import type { BriefingReport } from '../analyse/briefing.js';
import type { TargetGap } from '../analyse/key-points.js';
import type { Lang } from '../data/types.js';
import type { LangMode } from '../compose/compose.js';
import { message, type Messages } from '../compose/messages-i18n.js';
import { FONT_FAMILY } from '../fonts/fonts.js';

/** Width of every chart, in points (the A4 text width less a margin). */
export const CHART_WIDTH = 500;

/** Widest label a chart shows, in points; longer ones end in "…" (tables show them in full). */
export const LABEL_LIMIT = { axis: 300, legend: 120 } as const;

export const STATUS_COLOURS: Record<string, string> = {
  met: '#2e7d32', not_met: '#c62828', pending: '#9e9e9e', qualitative: '#6d4c41', not_comparable: '#f9a825',
};


/** A label in the document's language mode; zh-en gives two lines. */
export type Labeller = (key: string) => string;
export function labeller(mode: LangMode, messages: Record<Lang, Messages>): Labeller {
  return (key) =>
    mode === 'zh-en' ? `${message(messages.zh, key, 'zh')}\n${message(messages.en, key, 'en')}` : message(messages[mode], key, mode);
}
const bilingual = (mode: LangMode, pair: { zh: string; en: string }) => (mode === 'zh-en' ? `${pair.zh}\n${pair.en}` : pair[mode]);

export const baseSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: CHART_WIDTH,
  autosize: { type: 'fit-x', contains: 'padding' },
  background: 'white',
  config: {
    font: FONT_FAMILY,
    aria: false,
    view: { stroke: null },
    axis: { labelFontSize: 10, titleFontSize: 10, labelColor: '#333', titleColor: '#333', gridColor: '#e6e6e6', domainColor: '#999', tickColor: '#999' },
    legend: { labelFontSize: 10, titleFontSize: 10, orient: 'bottom', direction: 'horizontal', labelLimit: LABEL_LIMIT.legend },
  },
} as const;

export const oneLine = (s: string) => s.replace('\n', ' / ');
export const multiline = "split(datum.label, '\\n')";

/** Bars longer than this many times the next longest are outliers: the axis stops short of them. */
export const OUTLIER_RATIO = 2;

/** The axis end that keeps outliers from flattening the rest: undefined when nothing is cut. */
export function axisCap(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => b - a);
  let cut = 0;
  while (sorted.length - cut >= 3 && sorted[cut + 1]! > 0 && sorted[cut]! > OUTLIER_RATIO * sorted[cut + 1]!) cut++;
  if (cut === 0) return undefined;
  const top = sorted[cut]! * 1.15;
  const step = top > 50 ? 10 : 5;
  return Math.ceil(top / step) * step;
}

/** Growth rates judged against a numeric target: target and result side by side, worst shortfall first. */
export function growthChart(report: BriefingReport, mode: LangMode, label: Labeller): TopLevelSpec | undefined {
  const gaps = report.growthTargets;
  if (gaps.length === 0) return undefined;
  const sense = (g: TargetGap) => (g.row.indicator.direction === 'down' ? -1 : 1);
  const ordered = [...gaps].sort((a, b) => sense(a) * Number(a.difference) - sense(b) * Number(b.difference));
  const number = (s: string) => Number(s.replace('−', '-'));
  const numbers = ordered.flatMap((g) => [number(g.result.published.value.number!), number(g.row.target.published.value.number!)]);
  // Outliers stop at the axis end; their labels give the real value.
  const cap = axisCap(numbers);
  const targetLabel = label('chartLabel.target');
  const resultLabel = label('chartLabel.result');
  const estimate = oneLine(label('chartLabel.estimateShort'));
  const values = ordered.flatMap((g) => {
    const name = bilingual(mode, g.row.indicator.name);
    const bar = (series: string, text: string, estimated: boolean) => ({
      indicator: name, series, value: cap === undefined ? number(text) : Math.min(number(text), cap), text: estimated ? `${text} ${estimate}` : text,
    });
    return [bar(targetLabel, g.row.target.published.value.number!, false), bar(resultLabel, g.result.published.value.number!, g.result.marks.includes('estimate'))];
  });
  const lines = mode === 'zh-en' ? 2 : 1;
  const subtitle = [label('chart.growthMeasure').replaceAll('{{year}}', String(report.findings.year)), ...(cap !== undefined ? [label('chart.axisCut').replaceAll('{{cap}}', String(cap))] : [])];
  // Room left of the longest negative bar for its label, which stands outside the bar's end.
  const low = Math.min(0, ...numbers);
  const high = Math.max(0, ...numbers);
  const domain = cap !== undefined ? { domain: [low, cap], nice: false } : low < 0 ? { domain: [low - 0.25 * (high - low), high], nice: true } : {};
  return {
    ...baseSpec,
    height: ordered.length * (lines === 2 ? 28 : 20),
    title: { text: subtitle.flatMap((line) => line.split('\n')), anchor: 'start', fontSize: 9 },
    data: { values },
    encoding: {
      y: { field: 'indicator', type: 'nominal', sort: null, title: null, axis: { labelExpr: multiline, labelLimit: LABEL_LIMIT.axis } },
      yOffset: { field: 'series', type: 'nominal', sort: [targetLabel, resultLabel] },
      x: { field: 'value', type: 'quantitative', title: '%', ...(domain.domain ? { scale: domain } : {}) },
      color: {
        field: 'series', type: 'nominal', sort: [targetLabel, resultLabel], title: null,
        scale: { domain: [targetLabel, resultLabel], range: ['#90a4ae', '#1565c0'] },
        legend: { labelExpr: "replace(datum.label, '\\n', ' ')" },
      },
    },
    layer: [
      { mark: { type: 'bar', height: { band: 0.8 } } },
      // A value stands beyond its bar's end: right of a positive bar, left of a negative one.
      { mark: { type: 'text', align: { expr: "datum.value < 0 ? 'right' : 'left'" }, dx: { expr: 'datum.value < 0 ? -3 : 3' }, fontSize: 8 }, encoding: { text: { field: 'text', type: 'nominal' } } },
    ],
  } as TopLevelSpec;
}

export function briefingCharts(report: BriefingReport, mode: LangMode, messages: Record<Lang, Messages>): Map<string, TopLevelSpec> {
  const charts = new Map<string, TopLevelSpec>();
  const growth = growthChart(report, mode, labeller(mode, messages));
  if (growth) charts.set('growth', growth);
  return charts;
}
