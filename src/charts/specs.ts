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
    legend: { labelFontSize: 10, titleFontSize: 10, orient: 'bottom', direction: 'horizontal', labelLimit: 0 },
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

/** Growth rates judged against a numeric target: result bars coloured met / not met, the target as a tick, worst first. */
export function growthChart(report: BriefingReport, mode: LangMode, label: Labeller): TopLevelSpec | undefined {
  const gaps = report.growthTargets;
  if (gaps.length === 0) return undefined;
  const sense = (g: TargetGap) => (g.row.indicator.direction === 'down' ? -1 : 1);
  const ordered = [...gaps].sort((a, b) => sense(a) * Number(a.difference) - sense(b) * Number(b.difference));
  const number = (s: string) => Number(s.replace('−', '-'));
  const cap = axisCap(ordered.flatMap((g) => [number(g.result.published.value.number!), number(g.row.target.published.value.number!)]));
  const metLabel = oneLine(label('chartLabel.met'));
  const notMetLabel = oneLine(label('chartLabel.notMet'));
  const targetLabel = oneLine(label('chartLabel.target'));
  const estimateLabel = oneLine(label('chartLabel.estimate'));
  const finalLabel = oneLine(label('chartLabel.final'));
  const values = ordered.map((g) => {
    const result = number(g.result.published.value.number!);
    const clipped = cap !== undefined && result > cap;
    return {
      indicator: bilingual(mode, g.row.indicator.name),
      result: clipped ? cap : result,
      labelAt: clipped ? cap : Math.max(result, 0),
      target: number(g.row.target.published.value.number!),
      status: g.row.evaluation.status === 'met' ? metLabel : notMetLabel,
      kind: g.result.marks.includes('estimate') ? estimateLabel : finalLabel,
      text: g.result.published.value.number!,
      clipped,
      breakAt: clipped ? cap * 0.92 : null,
    };
  });
  const hasEstimates = values.some((v) => v.kind === estimateLabel);
  const lines = mode === 'zh-en' ? 2 : 1;
  const subtitle = [label('chart.growthMeasure').replaceAll('{{year}}', String(report.findings.year)), ...(cap !== undefined ? [label('chart.axisCut').replaceAll('{{cap}}', String(cap))] : [])];
  const y = { field: 'indicator', type: 'nominal', sort: null, title: null, axis: { labelExpr: multiline, labelLimit: 0 } };
  const x = { type: 'quantitative', title: null, scale: { ...(cap !== undefined ? { domainMax: cap, clamp: true } : {}), nice: cap === undefined } };
  return {
    ...baseSpec,
    height: values.length * (lines === 2 ? 30 : 20),
    title: { text: subtitle.flatMap((line) => line.split('\n')), anchor: 'start', fontSize: 9, fontWeight: 'normal', color: '#555', offset: 6 },
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.62 } },
        encoding: {
          x: { field: 'result', ...x },
          color: {
            field: 'status', type: 'nominal', title: null,
            scale: { domain: [metLabel, notMetLabel, targetLabel], range: [STATUS_COLOURS.met, STATUS_COLOURS.not_met, '#222222'] },
          },
          ...(hasEstimates ? { opacity: { field: 'kind', type: 'nominal', title: null, scale: { domain: [finalLabel, estimateLabel], range: [1, 0.4] } } } : {}),
        },
      },
      { mark: { type: 'tick', thickness: 2, size: lines === 2 ? 22 : 15 }, encoding: { x: { field: 'target', ...x }, color: { datum: targetLabel } } },
      { transform: [{ filter: 'datum.clipped' }], mark: { type: 'tick', thickness: 3, size: lines === 2 ? 20 : 14, color: 'white' }, encoding: { x: { field: 'breakAt', ...x } } },
      { transform: [{ filter: '!datum.clipped' }], mark: { type: 'text', align: 'left', dx: 4, fontSize: 8.5 }, encoding: { x: { field: 'labelAt', ...x }, text: { field: 'text', type: 'nominal' } } },
      { transform: [{ filter: 'datum.clipped' }], mark: { type: 'text', align: 'right', dx: -12, fontSize: 8.5, color: 'white', fontWeight: 'bold' }, encoding: { x: { field: 'labelAt', ...x }, text: { field: 'text', type: 'nominal' } } },
    ],
    resolve: { scale: { x: 'shared' } },
  } as TopLevelSpec;
}

export function briefingCharts(report: BriefingReport, mode: LangMode, messages: Record<Lang, Messages>): Map<string, TopLevelSpec> {
  const charts = new Map<string, TopLevelSpec>();
  const growth = growthChart(report, mode, labeller(mode, messages));
  if (growth) charts.set('growth', growth);
  return charts;
}
