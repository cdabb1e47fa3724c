// Vega-Lite specs for a briefing's charts, built from its findings in one language mode.
import type { TopLevelSpec } from 'vega-lite';
import type { BriefingReport } from '../analyse/briefing.js';
import type { TargetGap } from '../analyse/key-points.js';
import type { ValueFinding } from '../analyse/findings.js';
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
  // Room on the right for the value beside the longest bar, which the plot's own bounds leave out.
  padding: { left: 5, top: 5, bottom: 5, right: 28 },
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

/**
 * A legend under the plot, which starts right of the axis labels (at most LABEL_LIMIT.axis wide): one column of
 * two-line-long zh-en labels, else two, each label as wide as its column allows.
 */
export const legendFor = (mode: LangMode) => {
  const columns = mode === 'zh-en' ? 1 : 2;
  return { columns, labelLimit: Math.floor((CHART_WIDTH - LABEL_LIMIT.axis) / columns) - 20 };
};

/** How strongly an estimate's bar is drawn: a lighter shade of its colour. */
export const ESTIMATE_OPACITY = 0.4;

/**
 * Estimates drawn lighter than published figures, with one legend entry for them ("预计数 / estimate"); nothing
 * where no value is an estimate. `field` holds either label for each value.
 */
export function estimateEncoding(values: { kind: string }[], labels: { final: string; estimate: string }) {
  if (!values.some((v) => v.kind === labels.estimate)) return {};
  return {
    opacity: {
      field: 'kind', type: 'nominal', sort: [labels.final, labels.estimate], scale: { domain: [labels.final, labels.estimate], range: [1, ESTIMATE_OPACITY] },
      legend: { values: [labels.estimate], title: null, symbolFillColor: '#607d8b' },
    },
  };
}
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

/** One indicator of a paired-bar chart: its name and its bars, in the order of the chart's series. */
interface PairedRow {
  indicator: { zh: string; en: string };
  bars: { number: string; estimate: boolean }[];
}

/**
 * Two bars per indicator (e.g. target and result), one x scale in %, the values beside the bars' ends; outliers
 * stop at the axis end, estimates are drawn lighter. `series`: each bar's label and colour, in order.
 */
function pairedBars(rows: PairedRow[], series: [string, string][], measure: string, mode: LangMode, label: Labeller): TopLevelSpec {
  const number = (s: string) => Number(s.replace('−', '-'));
  const numbers = rows.flatMap((r) => r.bars.map((b) => number(b.number)));
  // Outliers stop at the axis end (the scale clamps them; the data keeps the real value, as does their label).
  const cap = axisCap(numbers);
  const kinds = { final: oneLine(label('chartLabel.final')), estimate: oneLine(label('chartLabel.estimate')) };
  const names = series.map(([name]) => name);
  const values = rows.flatMap((r) => r.bars.map((b, i) => ({
    indicator: bilingual(mode, r.indicator), series: names[i]!, value: number(b.number),
    text: b.number, kind: b.estimate ? kinds.estimate : kinds.final,
  })));
  const lines = mode === 'zh-en' ? 2 : 1;
  const subtitle = [measure, ...(cap !== undefined ? [label('chart.axisCut').replaceAll('{{cap}}', String(cap))] : [])];
  // Room left of the longest negative bar for its label, which stands outside the bar's end.
  const low = Math.min(0, ...numbers);
  const high = Math.max(0, ...numbers);
  const domain = cap !== undefined ? { domain: [low, cap], nice: false, clamp: true } : low < 0 ? { domain: [low - 0.25 * (high - low), high], nice: true } : {};
  return {
    ...baseSpec,
    height: rows.length * (lines === 2 ? 28 : 20),
    title: { text: subtitle.flatMap((line) => line.split('\n')), anchor: 'start', fontSize: 9 },
    data: { values },
    encoding: {
      y: { field: 'indicator', type: 'nominal', sort: null, title: null, axis: { labelExpr: multiline, labelLimit: LABEL_LIMIT.axis } },
      yOffset: { field: 'series', type: 'nominal', sort: names },
      x: { field: 'value', type: 'quantitative', title: '%', ...(domain.domain ? { scale: domain } : {}) },
      color: {
        field: 'series', type: 'nominal', sort: names, title: null,
        scale: { domain: names, range: series.map(([, colour]) => colour) },
        legend: { labelExpr: "replace(datum.label, '\\n', ' ')", ...legendFor(mode) },
      },
    },
    layer: [
      { mark: { type: 'bar', height: { band: 0.8 } }, encoding: estimateEncoding(values, kinds) },
      // A value stands beyond its bar's end: right of a positive bar, left of a negative one.
      { mark: { type: 'text', align: { expr: "datum.value < 0 ? 'right' : 'left'" }, dx: { expr: 'datum.value < 0 ? -3 : 3' }, fontSize: 8 }, encoding: { text: { field: 'text', type: 'nominal' } } },
    ],
  } as TopLevelSpec;
}

const TARGET_COLOUR = '#90a4ae';
const RESULT_COLOUR = '#1565c0';
const isEstimate = (v: ValueFinding) => v.marks.includes('estimate');

/** Growth rates judged against a numeric target: target and result side by side, worst shortfall first. */
export function growthChart(report: BriefingReport, mode: LangMode, label: Labeller): TopLevelSpec | undefined {
  const gaps = report.growthTargets;
  if (gaps.length === 0) return undefined;
  const sense = (g: TargetGap) => (g.row.indicator.direction === 'down' ? -1 : 1);
  const ordered = [...gaps].sort((a, b) => sense(a) * Number(a.difference) - sense(b) * Number(b.difference));
  const rows = ordered.map((g) => ({ indicator: g.row.indicator.name, bars: [{ number: g.row.target.published.value.number!, estimate: false }, { number: g.result.published.value.number!, estimate: isEstimate(g.result) }] }));
  const measure = label('chart.growthMeasure').replaceAll('{{year}}', String(report.findings.year));
  return pairedBars(rows, [[label('chartLabel.target'), TARGET_COLOUR], [label('chartLabel.result'), RESULT_COLOUR]], measure, mode, label);
}

/** Without a target table: this year's growth beside next year's target, for the main growth rates that have both. */
export function nextGrowthChart(report: BriefingReport, mode: LangMode, label: Labeller): TopLevelSpec | undefined {
  if (report.nextGrowth.length === 0) return undefined;
  const years = (text: string) => text.replaceAll('{{year}}', String(report.findings.year)).replaceAll('{{nextYear}}', String(report.findings.year + 1));
  const rows = report.nextGrowth.map((r) => ({ indicator: r.indicator.name, bars: [{ number: r.result!.published.value.number!, estimate: isEstimate(r.result!) }, { number: r.next.published.value.number!, estimate: false }] }));
  return pairedBars(rows, [[years(label('next.thisResult')), RESULT_COLOUR], [years(label('next.nextTarget')), TARGET_COLOUR]], label('chart.rateMeasure'), mode, label);
}

export function briefingCharts(report: BriefingReport, mode: LangMode, messages: Record<Lang, Messages>): Map<string, TopLevelSpec> {
  const charts = new Map<string, TopLevelSpec>();
  const label = labeller(mode, messages);
  const growth = growthChart(report, mode, label);
  if (growth) charts.set('growth', growth);
  const next = nextGrowthChart(report, mode, label);
  if (next) charts.set('next', next);
  return charts;
}
