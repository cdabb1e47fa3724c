// Findings for a multi-district comparison: shared indicators side by side, ranks, comparability notes.
import type { Dataset, District, Indicator, Observation, ProjectStatus, Sector, SourceDocument, Unit } from '../data/types.js';
import { projectGroups } from '../data/project-groups.js';
import { observationsFor, type Chosen } from './choose.js';
import { valueKey } from '../data/load.js';
import { analyseDistrictYear, marksOf, type BriefingFindings, type Mark } from './findings.js';
import { possibleRange, rankRanges } from './rank-comparable.js';
import { publishedValue, type PublishedValue } from './published.js';

/** Why a cell is empty, has no rank or needs a caveat; each is explained once in the memo. */
export type CellNote =
  | { kind: 'not_published' }
  | { kind: 'pending' }
  | { kind: 'other_definition'; indicator: Indicator }
  | { kind: 'estimate_vs_final' }
  /** Published as a change in percentage points on another year, not the level the row shows. */
  | { kind: 'change' }
  /** Published in another unit than the row's. */
  | { kind: 'other_unit' }
  /** The values published decide no order for this cell: the inexact ones among them. */
  | { kind: 'order_open'; inexact: ComparisonCell[] }
  /** The sources give other values than the one used: those others. */
  | { kind: 'conflict'; others: PublishedValue[] };

/** The growth rates a comparison names a leader for, in this order, where the districts share them. */
export const SUMMARY_INDICATORS = ['gdp_growth', 'industrial_value_added_growth', 'fixed_asset_investment_growth', 'retail_sales_growth', 'budget_revenue_growth', 'disposable_income_growth'];

export interface ComparisonCell {
  district: District;
  value?: Chosen;
  /** The value as published (text, parsed value, unit), for the reader. */
  published?: PublishedValue;
  marks: Mark[];
  /** 1 is best; equal values share a rank; undefined where the published values decide no rank. */
  rank?: number;
  notes: CellNote[];
}

/** Why a whole row has no ranks: a target (targets are not ranked), a total of districts of different size, no good direction, or fewer than two values to compare. */
export type RowNotRanked = 'target' | 'total' | 'no_direction' | 'too_few';

export interface ComparisonRow {
  indicator: Indicator;
  /** The unit every cell of the row is in. */
  unit: Unit;
  cells: ComparisonCell[];
  notRanked?: RowNotRanked;
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
  /** Who led on the summary growth rates, and by how much. */
  leads: GrowthLead[];
}

/** A growth rate the districts share: who led on it and by how much over the next district. */
export interface GrowthLead {
  row: ComparisonRow;
  leaders: ComparisonCell[];
  /** The best-ranked district after the leaders, where its rank is decided. */
  next?: ComparisonCell;
  /** Leader minus next, in percentage points, as an exact decimal. */
  margin?: string;
  /** The margin rests on an "about" value or an estimate. */
  approximate: boolean;
}

/** a − b for decimal strings, exact: "6.8" − "6.5" = "0.3". */
export function decimalDifference(a: string, b: string): string {
  const places = Math.max(...[a, b].map((x) => x.split('.')[1]?.length ?? 0));
  const scaled = (x: string) => Math.round(Number(x) * 10 ** places);
  const d = scaled(a) - scaled(b);
  const digits = String(Math.abs(d)).padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return `${d < 0 ? '-' : ''}${text}`;
}

function leadOf(row: ComparisonRow): GrowthLead | undefined {
  const leaders = row.cells.filter((c) => c.rank === 1);
  if (leaders.length === 0) return undefined;
  const next = row.cells.filter((c) => c.rank !== undefined && c.rank > 1).sort((a, b) => a.rank! - b.rank!)[0];
  const lead = comparableNumber(leaders[0]!.value);
  const second = next && comparableNumber(next.value);
  const inexact = (c: ComparisonCell) => c.value!.used.value.qualifier !== 'exact' || c.value!.used.flags.includes('estimate');
  return {
    row, leaders, ...(next ? { next } : {}),
    ...(lead && second ? { margin: decimalDifference(lead, second) } : {}),
    approximate: [...leaders, ...(next ? [next] : [])].some(inexact),
  };
}

/** Whether an indicator grows with a district's size (GDP, revenue, output, counts): such totals are shown, not ranked. */
export const isTotal = (indicator: Indicator) => indicator.scale === 'total';

/** The number a value is charted by: a plain or "about" number in the row's unit, not a bound or a change. */
export function comparableNumber(c: Chosen | undefined): string | undefined {
  const v = c?.used.value;
  return v && (v.qualifier === 'exact' || v.qualifier === 'about') && !v.change ? v.number : undefined;
}

function compareRow(data: Dataset, districts: District[], indicator: Indicator, byDistrict: Map<string, Map<string, Chosen>>, kind: 'result' | 'target'): ComparisonRow {
  const cells: ComparisonCell[] = districts.map((district) => {
    const value = byDistrict.get(district.id)!.get(indicator.id);
    const notes: CellNote[] = [];
    if (!value) {
      const other = [...byDistrict.get(district.id)!.keys()].map((id) => data.indicators.get(id)!).find((i) => i.concept === indicator.concept && i.id !== indicator.id);
      notes.push(other ? { kind: 'other_definition', indicator: other } : { kind: 'not_published' });
    } else if (value.used.value.qualifier === 'pending') notes.push({ kind: 'pending' });
    if (value?.conflict) {
      const others = [...new Map(value.others.filter((o) => valueKey(o) !== valueKey(value.used)).map((o) => [valueKey(o), o])).values()];
      notes.push({ kind: 'conflict', others: others.map((o) => publishedValue(data, o, indicator)) });
    }
    return { district, value, ...(value ? { published: publishedValue(data, value.used, indicator) } : {}), marks: value ? marksOf(value) : [], notes };
  });
  for (const c of cells) {
    const v = c.value?.used.value;
    if (v?.change) c.notes.push({ kind: 'change' });
    else if (v?.unit && v.unit !== indicator.unit) c.notes.push({ kind: 'other_unit' });
  }
  const comparable = (c: ComparisonCell) => c.value && !c.notes.some((n) => n.kind === 'change' || n.kind === 'other_unit');
  const isEstimate = (c: ComparisonCell) => comparable(c) && c.value!.used.flags.includes('estimate');
  const finals = cells.filter((c) => comparable(c) && !isEstimate(c) && c.value!.used.value.qualifier !== 'pending').length;
  if (finals > 0) for (const c of cells) if (isEstimate(c)) c.notes.push({ kind: 'estimate_vs_final' });
  const unit = data.units.get(indicator.unit)!;
  const ranges = cells.map((c) => (comparable(c) ? possibleRange(c.value!.used.value) : undefined));
  const notRanked: RowNotRanked | undefined = kind === 'target' ? 'target' : isTotal(indicator) ? 'total'
    : indicator.direction === 'neutral' || indicator.measure === 'qualitative' ? 'no_direction'
      : ranges.filter((r) => r !== undefined).length < 2 ? 'too_few' : undefined;
  if (notRanked) return { indicator, unit, cells, notRanked };
  const ranks = rankRanges(ranges, indicator.direction as 'up' | 'down');
  cells.forEach((c, i) => {
    const r = ranks[i];
    if (!r) return;
    c.rank = r.rank;
    if (r.rank === undefined) {
      const involved = cells.filter((_, j) => j === i || r.openWith.includes(j));
      c.notes.push({ kind: 'order_open', inexact: involved.filter((x) => x.value!.used.value.qualifier !== 'exact') });
    }
  });
  return { indicator, unit, cells };
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
  const rows = sharedIds(results).map((i) => compareRow(data, districts, i, results, 'result'));
  const nextTargets = sharedIds(next).map((i) => compareRow(data, districts, i, next, 'target'));
  const growthRows = rows.filter((r) => r.indicator.measure === 'growth' && r.cells.filter((c) => comparableNumber(c.value) !== undefined).length >= 2);

  // Each district's report for the year: the document most of its results for the year come from.
  const documentOf = (district: District) => {
    const counts = new Map<string, number>();
    for (const c of results.get(district.id)!.values()) counts.set(c.used.source.doc, (counts.get(c.used.source.doc) ?? 0) + 1);
    return data.documents.get([...counts].sort((a, b) => b[1] - a[1])[0]![0])!;
  };
  const documentKinds = districts.map((district) => ({ district, document: documentOf(district) }));

  const projectCounts = briefings.flatMap((b) =>
    projectGroups(b.projects).map(({ sector, status, items }) => ({ district: b.district, sector, status, count: items.length })));

  const used = (list: ComparisonRow[]) => list.flatMap((r) => r.cells.flatMap((c) => (c.value ? [c.value.used] : [])));
  const docIds = new Set<string>([...used(rows), ...used(nextTargets)].map((o: Observation) => o.source.doc));
  for (const b of briefings) for (const p of b.projects) docIds.add(p.source.doc);
  return {
    year, districts, briefings, rows, growthRows, nextTargets, documentKinds, projectCounts,
    documents: [...docIds].sort().map((id) => data.documents.get(id)!),
    leads: SUMMARY_INDICATORS.flatMap((id) => {
      const row = rows.find((r) => r.indicator.id === id);
      const lead = row && leadOf(row);
      return lead ? [lead] : [];
    }),
  };
}
