// Everything a district briefing shows, for composition: the district-year findings, key points, peers, next year's main targets, corrections.
import type { Dataset, District, Indicator, Unit } from '../data/types.js';
import { analyseComparison, SUMMARY_INDICATORS } from './compare.js';
import { resolveEdition, type EditionFindings, type EditionInfo } from './corrections.js';
import { analyseDistrictYear, marksOf, type BriefingFindings, type Mark, type ValueFinding } from './findings.js';
import { keyPoints, targetGap, type KeyPoint, type TargetGap } from './key-points.js';
import { citedValue, type CitedValue } from './published.js';
import type { Chosen } from './choose.js';

/** The indicators of the body's short table of next year's targets, in this order, where published. */
export const NEXT_TABLE_INDICATORS = [
  'gdp_growth', 'gdp_per_capita', 'industrial_value_added_growth', 'fixed_asset_investment_growth', 'retail_sales_growth',
  'budget_revenue_growth', 'tax_revenue_growth', 'disposable_income_growth', 'rural_income_growth', 'urbanisation_rate',
  'new_urban_jobs', 'urban_unemployment_rate', 'cpi',
];
export const NEXT_TABLE_ROWS = 8;
/** A chart of this year's growth beside next year's targets needs this many indicators with both. */
export const NEXT_CHART_ROWS = 3;

export interface PeerValue extends CitedValue {
  marks: Mark[];
  /** The published value shown, and any others for it. */
  chosen: Chosen;
}

/** One headline indicator: the district's value and rank beside its peers' values. */
export interface PeerRow {
  indicator: Indicator;
  unit?: Unit;
  own: PeerValue;
  rank: number;
  of: number;
  others: { district: District; value: PeerValue }[];
}

export interface Peers {
  /** The other districts with data for the year. */
  districts: District[];
  rows: PeerRow[];
}

/** Next year's target beside this year's target and result. */
export interface NextRow {
  indicator: Indicator;
  target?: ValueFinding;
  result?: ValueFinding;
  next: ValueFinding;
}

export interface BriefingReport {
  findings: BriefingFindings;
  keyPoints: KeyPoint[];
  peers?: Peers;
  nextMain: NextRow[];
  /** Growth rates judged against a numeric target: the briefing's chart. */
  growthTargets: TargetGap[];
  /** Where no target table judges the year: growth rates with this year's result and next year's target, the chart then. */
  nextGrowth: NextRow[];
  /** Which edition this is, and the corrections since the first. */
  edition: EditionFindings;
}

function peersOf(data: Dataset, f: BriefingFindings, peerIds: string[]): Peers | undefined {
  if (peerIds.length === 0) return undefined;
  const comparison = analyseComparison(data, [f.district.id, ...peerIds], f.year);
  const self = comparison.districts.findIndex((d) => d.id === f.district.id);
  const rows = comparison.rows
    .filter((r) => SUMMARY_INDICATORS.includes(r.indicator.id) || r.indicator.id === 'gdp_per_capita')
    .filter((r) => r.cells[self]?.rank !== undefined)
    .map((r) => {
      const value = (c: (typeof r.cells)[number]): PeerValue => ({ ...citedValue(data, c.value!.used, r.indicator), marks: marksOf(c.value!), chosen: c.value! });
      const unit = data.units.get(r.indicator.unit);
      return {
        indicator: r.indicator,
        ...(unit ? { unit } : {}),
        own: value(r.cells[self]!),
        rank: r.cells[self]!.rank!,
        of: r.cells.filter((c) => c.rank !== undefined).length,
        others: r.cells.filter((c, i) => i !== self && c.value).map((c) => ({ district: c.district, value: value(c) })),
      };
    });
  return { districts: comparison.districts.filter((_, i) => i !== self), rows };
}

export function analyseBriefing(data: Dataset, districtId: string, year: number, peerIds: string[], edition?: EditionInfo): BriefingReport {
  const findings = analyseDistrictYear(data, districtId, year);
  const peers = peersOf(data, findings, peerIds);
  const rankOf = (indicator: Indicator) => {
    const row = peers?.rows.find((r) => r.indicator.id === indicator.id);
    return row ? { rank: row.rank, of: row.of } : undefined;
  };
  const byId = (list: ValueFinding[]) => new Map(list.map((v) => [v.indicator.id, v]));
  const next = byId(findings.nextTargets);
  const results = byId([...findings.headline, ...findings.otherResults]);
  const nextMain = NEXT_TABLE_INDICATORS.filter((id) => next.has(id)).slice(0, NEXT_TABLE_ROWS).map((id) => {
    const row = findings.scorecard.find((r) => r.indicator.id === id);
    const result = row?.result ?? results.get(id);
    return { indicator: next.get(id)!.indicator, ...(row ? { target: row.target } : {}), ...(result ? { result } : {}), next: next.get(id)! };
  });
  const growthTargets = findings.scorecard.filter((r) => r.indicator.measure === 'growth').map(targetGap).filter((g): g is TargetGap => g !== undefined);
  // A bar stands for a number: exact, "about" or a bound, not a change in points.
  const charted = (v: ValueFinding | undefined) => v?.published.value.number !== undefined && !v.published.value.change;
  const nextGrowth = growthTargets.length > 0 ? [] : nextMain.filter((r) => r.indicator.measure === 'growth' && charted(r.result) && charted(r.next));
  return {
    findings, keyPoints: keyPoints(findings, rankOf), ...(peers ? { peers } : {}), nextMain, growthTargets,
    nextGrowth: nextGrowth.length >= NEXT_CHART_ROWS ? nextGrowth : [], edition: resolveEdition(data, edition),
  };
}
