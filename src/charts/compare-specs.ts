// Vega-Lite specs for the comparison memo: every chart puts the districts on one common scale.
import type { TopLevelSpec } from 'vega-lite';
import { comparableNumber, type ComparisonFindings, type ComparisonRow } from '../analyse/compare.js';
import { PROJECT_STATUSES, type Lang } from '../data/types.js';
import type { LangMode } from '../compose/compose.js';
import type { Messages } from '../compose/messages-i18n.js';
import { axisCut } from './axis-cut.js';
import { baseSpec, estimateEncoding, LABEL_LIMIT, labeller, legendFor, multiline, oneLine, type Labeller } from './specs.js';

const DISTRICT_COLOURS = ['#1565c0', '#ef6c00', '#2e7d32', '#6a1b9a', '#c62828', '#00838f'];
const bilingual = (mode: LangMode, pair: { zh: string; en: string }) => (mode === 'zh-en' ? `${pair.zh}\n${pair.en}` : pair[mode]);

/**
 * Grouped bars: one group per indicator, one bar per district, one x scale for all. An estimate is a
 * lighter bar, with one legend entry for estimates; values far above the rest stop at the axis end (see axisCut)
 * and keep their true value as label.
 */
function groupedBars(f: ComparisonFindings, rows: ComparisonRow[], mode: LangMode, axisTitle: string, labelOf: Labeller): TopLevelSpec | undefined {
  const names = f.districts.map((d) => oneLine(bilingual(mode, d.short)));
  const kinds = { final: oneLine(labelOf('memo.chart.final')), estimate: oneLine(labelOf('memo.chart.estimate')) };
  const values = rows.flatMap((r) => f.districts.flatMap((_, i) => {
    const cell = r.cells[i]!;
    const n = comparableNumber(cell.value);
    const estimate = cell.value?.used.flags.includes('estimate');
    return n === undefined ? [] : [{ indicator: bilingual(mode, r.indicator.name), district: names[i]!, value: Number(n), text: n, kind: estimate ? kinds.estimate : kinds.final }];
  }));
  // A comparison needs two districts with a value.
  if (new Set(values.map((v) => v.district)).size < 2) return undefined;
  // Values far above the rest stop at the axis end: the scale clamps them; the data keeps the real value.
  const cut = axisCut(values.map((v) => v.value));
  const scale = cut ? { scale: { domain: [Math.min(0, ...values.map((v) => v.value)), cut.cap], nice: false, clamp: true } } : {};
  const series = names.map((name, i) => [name, DISTRICT_COLOURS[i]!] as const).filter(([name]) => values.some((v) => v.district === name));
  const lines = mode === 'zh-en' ? 2 : 1;
  const legend = legendFor(mode);
  return {
    ...baseSpec,
    height: rows.length * Math.max(f.districts.length * 12, lines * 16) + 10,
    data: { values },
    encoding: {
      y: { field: 'indicator', type: 'nominal', sort: null, title: null, axis: { labelExpr: multiline, labelLimit: LABEL_LIMIT.axis } },
      yOffset: { field: 'district', type: 'nominal', sort: names },
      x: { field: 'value', type: 'quantitative', title: axisTitle, ...scale },
      color: { field: 'district', type: 'nominal', sort: series.map(([n]) => n), title: null, scale: { domain: series.map(([n]) => n), range: series.map(([, c]) => c) }, legend },
    },
    layer: [
      { mark: { type: 'bar', height: { band: 0.85 } }, encoding: estimateEncoding(values, kinds) },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 8 }, encoding: { text: { field: 'text', type: 'nominal' } } },
    ],
  } as TopLevelSpec;
}

/** Target and result per district, growth rates only, one x scale. */
function targetsVersusResults(f: ComparisonFindings, mode: LangMode, label: Labeller): TopLevelSpec | undefined {
  const targetLabel = oneLine(label('chartLabel.target'));
  const resultLabel = oneLine(label('chartLabel.result'));
  const values = f.briefings.flatMap((b) => b.scorecard
    .filter((r) => r.indicator.measure === 'growth' && r.result && r.evaluation.status !== 'pending' && !r.target.chosen.used.value.change
      && ['exact', 'about', 'at_least'].includes(r.target.chosen.used.value.qualifier) && r.result.chosen.used.value.qualifier === 'exact'
      && f.rows.some((row) => row.indicator.id === r.indicator.id))
    .flatMap((r) => {
      const row = `${oneLine(bilingual(mode, b.district.short))}\n${bilingual(mode, r.indicator.name)}`;
      return [
        { row, series: targetLabel, value: Number(r.target.chosen.used.value.number), text: r.target.chosen.used.value.number },
        { row, series: resultLabel, value: Number(r.result!.chosen.used.value.number), text: r.result!.chosen.used.value.number },
      ];
    }));
  if (values.length === 0) return undefined;
  const rows = [...new Set(values.map((v) => v.row))];
  return {
    ...baseSpec,
    height: rows.length * (mode === 'zh-en' ? 40 : 28) + 10,
    data: { values },
    encoding: {
      y: { field: 'row', type: 'nominal', sort: rows, title: null, axis: { labelExpr: multiline, labelLimit: LABEL_LIMIT.axis } },
      yOffset: { field: 'series', type: 'nominal', sort: [targetLabel, resultLabel] },
      x: { field: 'value', type: 'quantitative', title: '%' },
      color: { field: 'series', type: 'nominal', sort: [targetLabel, resultLabel], title: null, scale: { domain: [targetLabel, resultLabel], range: ['#90a4ae', '#1565c0'] } },
    },
    layer: [
      { mark: { type: 'bar', height: { band: 0.8 } } },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 8 }, encoding: { text: { field: 'text', type: 'nominal' } } },
    ],
  } as TopLevelSpec;
}

/** Key projects per district, stacked by status, one x scale. */
function projectsByDistrict(f: ComparisonFindings, mode: LangMode, label: Labeller): TopLevelSpec | undefined {
  if (f.projectCounts.length === 0) return undefined;
  const present = PROJECT_STATUSES.filter((s) => f.projectCounts.some((c) => c.status === s));
  const statuses = present.map((s) => oneLine(label(`projectStatus.${s}`)));
  const names = f.districts.map((d) => bilingual(mode, d.short));
  return {
    ...baseSpec,
    height: names.length * 30,
    data: { values: f.projectCounts.map((c) => ({ district: bilingual(mode, c.district.short), status: oneLine(label(`projectStatus.${c.status}`)), rank: PROJECT_STATUSES.indexOf(c.status), count: c.count })) },
    encoding: {
      y: { field: 'district', type: 'nominal', sort: names, title: null, axis: { labelExpr: multiline, labelLimit: LABEL_LIMIT.axis } },
      x: { field: 'count', type: 'quantitative', aggregate: 'sum', stack: 'zero', title: oneLine(label('chartLabel.projects')), axis: { tickMinStep: 1, format: 'd' } },
      color: { field: 'status', type: 'nominal', sort: statuses, title: null, scale: { domain: statuses, range: ['#1565c0', '#2e7d32', '#f9a825', '#64b5f6', '#81c784', '#ffe082'].slice(0, statuses.length) }, legend: legendFor(mode) },
      order: { field: 'rank', type: 'quantitative' },
    },
    mark: { type: 'bar', height: { band: 0.7 } },
  } as TopLevelSpec;
}

export function comparisonCharts(f: ComparisonFindings, mode: LangMode, messages: Record<Lang, Messages>): Map<string, TopLevelSpec> {
  const label = labeller(mode, messages);
  const charts = new Map<string, TopLevelSpec | undefined>([
    ['growth', groupedBars(f, f.growthRows, mode, '%', label)],
    // Targets against results compare districts only where at least two publish a table of them.
    ['targets', f.briefings.filter((b) => b.scorecard.length > 0).length >= 2 ? targetsVersusResults(f, mode, label) : undefined],
    ['projects', projectsByDistrict(f, mode, label)],
    ['next', groupedBars(f, f.nextTargets.filter((r) => r.indicator.measure === 'growth' && r.cells.filter((c) => comparableNumber(c.value) !== undefined).length >= 2), mode, '%', label)],
  ]);
  return new Map([...charts].filter((e): e is [string, TopLevelSpec] => e[1] !== undefined));
}
