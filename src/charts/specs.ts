// Vega-Lite specs for a briefing's charts, built from its findings in one language mode.
import type { TopLevelSpec } from 'vega-lite';
import type { BriefingFindings } from '../analyse/findings.js';
import { STATUSES } from '../analyse/evaluate-target.js';
import { PROJECT_STATUSES, type Lang } from '../data/types.js';
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
const PROJECT_COLOURS = ['#1565c0', '#2e7d32', '#f9a825', '#64b5f6', '#81c784', '#ffe082'];


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

export function statusChart(f: BriefingFindings, label: Labeller): TopLevelSpec {
  const values = STATUSES.filter((s) => f.statusCounts[s] > 0).map((s) => ({ status: s, label: label(`status.${s}`), count: f.statusCounts[s] }));
  const lines = values.some((v) => v.label.includes('\n')) ? 2 : 1;
  return {
    ...baseSpec,
    height: values.length * 22 * lines,
    data: { values },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: values.map((v) => v.label), title: null, axis: { labelExpr: multiline, labelLimit: LABEL_LIMIT.axis } },
      x: { field: 'count', type: 'quantitative', title: oneLine(label('chartLabel.count')), axis: { tickMinStep: 1, format: 'd' } },
    },
    layer: [
      { mark: { type: 'bar', height: { band: 0.7 } }, encoding: { color: { field: 'status', type: 'nominal', scale: { domain: Object.keys(STATUS_COLOURS), range: Object.values(STATUS_COLOURS) }, legend: null } } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 }, encoding: { text: { field: 'count', type: 'quantitative' } } },
    ],
  } as TopLevelSpec;
}

/** Growth-rate indicators whose target and result are both plain numbers, target vs result. */
export function growthChart(f: BriefingFindings, mode: LangMode, label: Labeller): TopLevelSpec | undefined {
  const numeric = (q: string) => ['exact', 'about', 'at_least', 'at_most'].includes(q);
  const rows = f.scorecard.filter(
    (r) => r.indicator.measure === 'growth' && r.result && numeric(r.target.chosen.used.value.qualifier) && numeric(r.result.chosen.used.value.qualifier)
      && !r.target.chosen.used.value.change && !r.result.chosen.used.value.change,
  );
  if (rows.length === 0) return undefined;
  const targetLabel = label('chartLabel.target');
  const resultLabel = label('chartLabel.result');
  const values = rows.flatMap((r) => {
    const name = bilingual(mode, r.indicator.name);
    return [
      { indicator: name, series: targetLabel, value: Number(r.target.chosen.used.value.number), text: r.target.chosen.used.value.number },
      { indicator: name, series: resultLabel, value: Number(r.result!.chosen.used.value.number), text: r.result!.chosen.used.value.number },
    ];
  });
  const lines = mode === 'zh-en' ? 2 : 1;
  return {
    ...baseSpec,
    height: rows.length * (lines === 2 ? 34 : 26),
    data: { values },
    encoding: {
      y: { field: 'indicator', type: 'nominal', sort: null, title: null, axis: { labelExpr: multiline, labelLimit: LABEL_LIMIT.axis } },
      yOffset: { field: 'series', type: 'nominal', sort: [targetLabel, resultLabel] },
      x: { field: 'value', type: 'quantitative', title: '%' },
      color: {
        field: 'series', type: 'nominal', sort: [targetLabel, resultLabel], title: null,
        scale: { domain: [targetLabel, resultLabel], range: ['#90a4ae', '#1565c0'] },
        legend: { labelExpr: "replace(datum.label, '\\n', ' ')" },
      },
    },
    layer: [
      { mark: { type: 'bar', height: { band: 0.8 } } },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 8 }, encoding: { text: { field: 'text', type: 'nominal' } } },
    ],
  } as TopLevelSpec;
}

/** Key projects per sector, stacked by status: one bar for the year, one for the next year's plan. */
export function projectsChart(f: BriefingFindings, label: Labeller): TopLevelSpec | undefined {
  if (f.projectCounts.length === 0) return undefined;
  const values = f.projectCounts.map((c) => ({
    year: String(c.year),
    sector: label(`sector.${c.sector}`),
    status: oneLine(label(`projectStatus.${c.status}`)),
    rank: PROJECT_STATUSES.indexOf(c.status),
    count: c.count,
  }));
  const present = PROJECT_STATUSES.filter((s) => f.projectCounts.some((c) => c.status === s));
  const statuses = present.map((s) => oneLine(label(`projectStatus.${s}`)));
  const sectors = [...new Set(values.map((v) => v.sector))];
  const years = [...new Set(values.map((v) => v.year))];
  const lines = sectors.some((s) => s.includes('\n')) ? 2 : 1;
  return {
    ...baseSpec,
    height: sectors.length * Math.max(years.length * 14, lines * 14) + 8,
    data: { values },
    encoding: {
      y: { field: 'sector', type: 'nominal', sort: sectors, title: null, axis: { labelExpr: multiline, labelLimit: LABEL_LIMIT.axis } },
      yOffset: { field: 'year', type: 'nominal', sort: years },
      x: { field: 'count', type: 'quantitative', stack: 'zero', title: oneLine(label('chartLabel.projects')), axis: { tickMinStep: 1, format: 'd' } },
      color: {
        field: 'status', type: 'nominal', sort: statuses, title: null,
        scale: { domain: statuses, range: present.map((s) => PROJECT_COLOURS[PROJECT_STATUSES.indexOf(s)]!) },
        legend: { columns: 3 },
      },
      order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
    },
    mark: { type: 'bar', height: { band: 0.85 } },
  } as TopLevelSpec;
}

export function briefingCharts(f: BriefingFindings, mode: LangMode, messages: Record<Lang, Messages>): Map<string, TopLevelSpec> {
  const label = labeller(mode, messages);
  const charts = new Map<string, TopLevelSpec>();
  if (f.scorecard.length > 0) charts.set('status', statusChart(f, label));
  const growth = growthChart(f, mode, label);
  if (growth) charts.set('growth', growth);
  const projects = projectsChart(f, label);
  if (projects) charts.set('projects', projects);
  return charts;
}
