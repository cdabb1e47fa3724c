// Findings for a multi-district comparison: shared indicators side by side, ranks, comparability notes.
import type { Dataset, District, Indicator, Observation, ProjectStatus, Sector, SourceDocument } from '../data/types.js';
import { PROJECT_STATUSES, SECTORS } from '../data/types.js';
import { observationsFor, type Chosen } from './choose.js';
import { analyseDistrictYear, marksOf, type BriefingFindings, type Mark } from './findings.js';

/** Why a cell is empty or needs a caveat; each is explained once in the memo. */
export type CellNote =
  | { kind: 'not_published' }
  | { kind: 'pending' }
  | { kind: 'other_definition'; indicator: Indicator }
  | { kind: 'estimate_vs_final' };

/** The growth rates a comparison names a leader for, in this order, where the districts share them. */
export const SUMMARY_INDICATORS = ['gdp_growth', 'industrial_value_added_growth', 'fixed_asset_investment_growth', 'retail_sales_growth', 'budget_revenue_growth', 'disposable_income_growth'];

export interface ComparisonCell {
  district: District;
  value?: Chosen;
  marks: Mark[];
  /** 1 is best; equal values share a rank; undefined where there is no number to rank. */
  rank?: number;
  notes: CellNote[];
}

export interface ComparisonRow {
  indicator: Indicator;
  cells: ComparisonCell[];
}

export interface ComparisonFindings {
  year: number;
  districts: District[];
  briefings: BriefingFindings[];
  rows: ComparisonRow[];
  /** Rows of growth rates, for the common-scale chart. */
  growthRows: ComparisonRow[];
  /** Next year's targets published by at least two districts. */
  nextTargets: ComparisonRow[];
  /** Each district's report kind, where they differ (plan report vs government work report). */
  documentKinds: { district: District; document: SourceDocument }[];
  projectCounts: { district: District; sector: Sector; status: ProjectStatus; count: number }[];
  documents: SourceDocument[];
}

/** Standard competition ranking ("1, 2, 2, 4") by the indicator's good direction; neutral indicators are not ranked. */
export function rankValues(values: (number | undefined)[], direction: Indicator['direction']): (number | undefined)[] {
  if (direction === 'neutral') return values.map(() => undefined);
  const sign = direction === 'up' ? -1 : 1;
  return values.map((v) => (v === undefined ? undefined : 1 + values.filter((w) => w !== undefined && sign * w < sign * v).length));
}

/** The number a value can be ranked and charted by: a plain or "about" number, not a bound or a change. */
export function comparableNumber(c: Chosen | undefined): string | undefined {
  const v = c?.used.value;
  return v && (v.qualifier === 'exact' || v.qualifier === 'about') && !v.change ? v.number : undefined;
}

const rankable = (c: Chosen | undefined): number | undefined => {
  const n = comparableNumber(c);
  return n === undefined ? undefined : Number(n);
};

function compareRow(data: Dataset, districts: District[], indicator: Indicator, byDistrict: Map<string, Map<string, Chosen>>): ComparisonRow {
  const cells: ComparisonCell[] = districts.map((district) => {
    const value = byDistrict.get(district.id)!.get(indicator.id);
    const notes: CellNote[] = [];
    if (!value) {
      const other = [...byDistrict.get(district.id)!.keys()].map((id) => data.indicators.get(id)!).find((i) => i.concept === indicator.concept && i.id !== indicator.id);
      notes.push(other ? { kind: 'other_definition', indicator: other } : { kind: 'not_published' });
    } else if (value.used.value.qualifier === 'pending') notes.push({ kind: 'pending' });
    return { district, value, marks: value ? marksOf(value) : [], notes };
  });
  const estimates = cells.filter((c) => c.value?.used.flags.includes('estimate')).length;
  const finals = cells.filter((c) => c.value && !c.value.used.flags.includes('estimate') && c.value.used.value.qualifier !== 'pending').length;
  if (estimates > 0 && finals > 0) for (const c of cells) if (c.value?.used.flags.includes('estimate')) c.notes.push({ kind: 'estimate_vs_final' });
  const ranks = rankValues(cells.map((c) => rankable(c.value)), indicator.direction);
  cells.forEach((c, i) => (c.rank = ranks[i]));
  return { indicator, cells };
}

export function analyseComparison(data: Dataset, districtIds: string[], year: number): ComparisonFindings {
  const districts = [...districtIds].sort().map((id) => data.districts.get(id)!);
  const briefings = districts.map((d) => analyseDistrictYear(data, d.id, year));
  const results = new Map(districts.map((d) => [d.id, observationsFor(data, d.id, year, 'result')]));
  const next = new Map(districts.map((d) => [d.id, observationsFor(data, d.id, year + 1, 'target')]));

  const sharedIds = (maps: Map<string, Map<string, Chosen>>) => {
    const counts = new Map<string, number>();
    for (const m of maps.values()) for (const id of m.keys()) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts].filter(([, n]) => n >= 2).map(([id]) => data.indicators.get(id)!).sort((a, b) => a.order - b.order);
  };
  const rows = sharedIds(results).map((i) => compareRow(data, districts, i, results));
  const nextTargets = sharedIds(next).map((i) => compareRow(data, districts, i, next));
  const growthRows = rows.filter((r) => r.indicator.measure === 'growth' && r.cells.filter((c) => rankable(c.value) !== undefined).length >= 2);

  // Each district's report for the year: the document most of its results for the year come from.
  const documentOf = (district: District) => {
    const counts = new Map<string, number>();
    for (const c of results.get(district.id)!.values()) counts.set(c.used.source.doc, (counts.get(c.used.source.doc) ?? 0) + 1);
    return data.documents.get([...counts].sort((a, b) => b[1] - a[1])[0]![0])!;
  };
  const documentKinds = districts.map((district) => ({ district, document: documentOf(district) }));

  const projectCounts = briefings.flatMap((b) =>
    SECTORS.flatMap((sector) =>
      PROJECT_STATUSES.flatMap((status) => {
        const count = b.projects.filter((p) => p.sector === sector && p.status === status).length;
        return count > 0 ? [{ district: b.district, sector, status, count }] : [];
      })));

  const used = (list: ComparisonRow[]) => list.flatMap((r) => r.cells.flatMap((c) => (c.value ? [c.value.used] : [])));
  const docIds = new Set<string>([...used(rows), ...used(nextTargets)].map((o: Observation) => o.source.doc));
  for (const b of briefings) for (const p of b.projects) docIds.add(p.source.doc);
  return {
    year, districts, briefings, rows, growthRows, nextTargets, documentKinds, projectCounts,
    documents: [...docIds].sort().map((id) => data.documents.get(id)!),
  };
}
