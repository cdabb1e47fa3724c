// The key points of a district briefing: which findings lead page 1, chosen by rules over the findings, never by text per district.
//
// Rules, in order of precedence (the first six that apply are kept):
//   headline   GDP growth (or its five-year average): against its target, else with GDP and the rank among peers
//   targets    how many of the year's targets were met, missed, pending, not judged by number
//   misses     the two targets missed by the largest margin, relative to the target
//   beats      the two targets beaten by the largest margin, relative to the target
//   pending    the results the city has not yet reported
//   results    main aggregates (levels with their growth) without a target table, in two groups
//   next       next year's main targets
//   projects   the year's key projects by status, and next year's count
import type { Indicator, ProjectStatus } from '../data/types.js';
import { PROJECT_STATUSES } from '../data/types.js';
import { absDecimal, subtractDecimal } from './decimal.js';
import type { TargetStatus } from './evaluate-target.js';
import type { BriefingFindings, ScorecardRow, ValueFinding } from './findings.js';

export const MAX_KEY_POINTS = 6;
/** How many misses or beats a key point names. */
export const NAMED_GAPS = 2;
/** How many pending results a key point names before "and N more". */
export const NAMED_PENDING = 3;

/** Indicators of the headline point: GDP growth, or its five-year average (concept gdp_growth). */
const HEADLINE_CONCEPT = 'gdp_growth';
/** Main aggregates told as results, in two sentences: economy, then public finances and households. */
export const RESULT_GROUPS = [
  ['industrial_value_added_growth', 'industrial_output', 'fixed_asset_investment', 'retail_sales_growth', 'trade_total'],
  ['budget_revenue', 'tax_revenue', 'disposable_income', 'new_urban_jobs'],
];
/** A level and the growth rate published with it: "budget revenue 82.9亿元, up 5.8%". */
export const GROWTH_OF: Record<string, string> = {
  gdp: 'gdp_growth', budget_revenue: 'budget_revenue_growth', tax_revenue: 'tax_revenue_growth',
  fixed_asset_investment: 'fixed_asset_investment_growth', industrial_output: 'industrial_output_growth',
  disposable_income: 'disposable_income_growth', trade_total: 'trade_growth',
};
/** Next year's targets a key point names, in this order, where published. */
export const MAIN_NEXT_TARGETS = ['gdp_growth', 'industrial_value_added_growth', 'fixed_asset_investment_growth', 'retail_sales_growth', 'budget_revenue_growth', 'disposable_income_growth'];
export const NAMED_NEXT_TARGETS = 4;

/** A result against its target: the exact difference, and its size relative to the target for ranking. */
export interface TargetGap {
  row: ScorecardRow;
  result: ValueFinding;
  /** Result − target, as a decimal string in the indicator's unit. */
  difference: string;
  /** |difference| / |target| (|difference| where the target is 0): how far, for ranking only. */
  relative: number;
}

/** A result with the growth rate published with it. */
export interface ResultItem {
  value: ValueFinding;
  growth?: ValueFinding;
}

export type KeyPoint =
  | { kind: 'headline'; result: ValueFinding; target?: ValueFinding; gap?: TargetGap; level?: ValueFinding; rank?: { rank: number; of: number } }
  | { kind: 'targets'; total: number; counts: Record<TargetStatus, number> }
  | { kind: 'misses'; gaps: TargetGap[] }
  | { kind: 'beats'; gaps: TargetGap[] }
  | { kind: 'pending'; indicators: Indicator[] }
  | { kind: 'noResult'; indicators: Indicator[] }
  | { kind: 'results'; items: ResultItem[] }
  | { kind: 'next'; year: number; targets: ValueFinding[] }
  | { kind: 'projects'; year: number; count: number; byStatus: { status: ProjectStatus; count: number }[]; nextCount: number };

const NUMERIC = ['exact', 'about', 'at_least', 'above', 'at_most', 'below'];

/** The gap of a judged row whose target and result are plain numbers in one unit; undefined otherwise. */
export function targetGap(row: ScorecardRow): TargetGap | undefined {
  const t = row.target.published.value;
  const r = row.result?.published.value;
  if (!row.result || !r || !['met', 'not_met'].includes(row.evaluation.status)) return undefined;
  if (!NUMERIC.includes(t.qualifier) || !['exact', 'about'].includes(r.qualifier) || t.change || r.change) return undefined;
  if (row.target.published.unit?.id !== row.result.published.unit?.id) return undefined;
  const difference = subtractDecimal(r.number!, t.number!);
  const target = Math.abs(Number(t.number));
  const size = Number(absDecimal(difference));
  return { row, result: row.result, difference, relative: target === 0 ? size : size / target };
}

/** +1 when a higher result is better, −1 when lower is, 0 when neither. */
const sense = (i: Indicator) => (i.direction === 'up' ? 1 : i.direction === 'down' ? -1 : 0);

export function keyPoints(f: BriefingFindings, peerRank?: (indicator: Indicator) => { rank: number; of: number } | undefined): KeyPoint[] {
  const points: KeyPoint[] = [];
  const results = new Map([...f.headline, ...f.otherResults].map((v) => [v.indicator.id, v]));

  // headline
  const row = f.scorecard.find((r) => r.indicator.concept === HEADLINE_CONCEPT && r.result);
  const headline = row?.result ?? [...results.values()].find((v) => v.indicator.concept === HEADLINE_CONCEPT);
  if (headline) {
    const gap = row ? targetGap(row) : undefined;
    const level = results.get('gdp');
    const rank = peerRank?.(headline.indicator);
    points.push({ kind: 'headline', result: headline, ...(row ? { target: row.target } : {}), ...(gap ? { gap } : {}), ...(level && !row ? { level } : {}), ...(rank ? { rank } : {}) });
  }

  if (f.scorecard.length > 0) {
    points.push({ kind: 'targets', total: f.scorecard.length, counts: f.statusCounts });
    const gaps = f.scorecard.filter((r) => r !== row).map(targetGap).filter((g): g is TargetGap => g !== undefined);
    const signed = (g: TargetGap) => Math.sign(Number(g.difference)) * sense(g.row.indicator);
    const largest = (list: TargetGap[]) => [...list].sort((a, b) => b.relative - a.relative).slice(0, NAMED_GAPS);
    const misses = largest(gaps.filter((g) => g.row.evaluation.status === 'not_met' && signed(g) < 0));
    const beats = largest(gaps.filter((g) => g.row.evaluation.status === 'met' && signed(g) > 0));
    if (misses.length > 0) points.push({ kind: 'misses', gaps: misses });
    if (beats.length > 0) points.push({ kind: 'beats', gaps: beats });
    // A result the source gives as not yet reported, apart from a target the data holds no result for at all.
    const pending = f.scorecard.filter((r) => r.evaluation.status === 'pending' && r.result).map((r) => r.indicator);
    if (pending.length > 0) points.push({ kind: 'pending', indicators: pending });
    const noResult = f.scorecard.filter((r) => r.evaluation.status === 'pending' && !r.result).map((r) => r.indicator);
    if (noResult.length > 0) points.push({ kind: 'noResult', indicators: noResult });
  } else {
    const told = new Set(headline ? [headline.indicator.id, 'gdp'] : []);
    for (const group of RESULT_GROUPS) {
      const items = group
        .filter((id) => results.has(id) && !told.has(id))
        .map((id) => {
          told.add(id);
          const growthId = GROWTH_OF[id];
          const growth = growthId ? results.get(growthId) : undefined;
          if (growthId && growth) told.add(growthId);
          return { value: results.get(id)!, ...(growth ? { growth } : {}) };
        });
      if (items.length >= 2) points.push({ kind: 'results', items });
    }
  }

  const next = MAIN_NEXT_TARGETS.map((id) => f.nextTargets.find((t) => t.indicator.id === id)).filter((t): t is ValueFinding => t !== undefined).slice(0, NAMED_NEXT_TARGETS);
  if (next.length > 0) points.push({ kind: 'next', year: f.year + 1, targets: next });

  if (f.projects.length > 0) {
    const byStatus = PROJECT_STATUSES.map((status) => ({ status, count: f.projects.filter((p) => p.status === status).length })).filter((s) => s.count > 0);
    points.push({ kind: 'projects', year: f.year, count: f.projects.length, byStatus, nextCount: f.nextProjects.length });
  }
  return points.slice(0, MAX_KEY_POINTS);
}
