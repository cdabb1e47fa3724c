// Findings for a district's annual briefing: scorecard, headline figures, next year's targets, projects, notes.
import type { Dataset, District, Indicator, Observation, Project, ProjectStatus, Sector, Unit } from '../data/types.js';
import { CATEGORIES } from '../data/types.js';
import { projectGroups } from '../data/project-groups.js';
import { evaluateTarget, STATUSES, type Evaluation, type TargetStatus } from './evaluate-target.js';
import { observationsFor, type Chosen } from './choose.js';
import { citationOf, citedValue, documentRef, type Citation, type CitedValue, type DocumentRef } from './published.js';

/** Note marks a value can carry in a document; each is explained once in the data notes. */
export const MARKS = ['estimate', 'pending', 'adjusted', 'base_revised', 'definition_changed', 'conflict'] as const;
export type Mark = (typeof MARKS)[number];

/** A scorecard needs a table of targets: a few targets quoted in prose are shown with the other results instead. */
export const MIN_SCORECARD_ROWS = 5;

/** The figures shown "at a glance", in this order, where the data has them. */
export const HEADLINE_INDICATORS = [
  'gdp_growth', 'gdp', 'gdp_per_capita', 'fixed_asset_investment', 'retail_sales_growth', 'budget_revenue', 'tax_revenue',
  'disposable_income', 'industrial_output', 'trade_total', 'fdi_actual', 'urbanisation_rate', 'new_urban_jobs',
];

export interface ValueFinding extends CitedValue {
  indicator: Indicator;
  /** The indicator's unit, for row labels. */
  unit?: Unit;
  chosen: Chosen;
  marks: Mark[];
}

export interface ScorecardRow {
  indicator: Indicator;
  isSub: boolean;
  target: ValueFinding;
  result?: ValueFinding;
  evaluation: Evaluation;
}

/** A value measured on a changed definition (口径调整), with how it changed in both languages. */
export interface DefinitionChange {
  indicator: Indicator;
  year: number;
  kind: Observation['kind'];
  value: CitedValue;
  note: { zh: string; en: string };
}

export interface Conflict {
  indicator: Indicator;
  year: number;
  kind: Observation['kind'];
  used: CitedValue;
  others: CitedValue[];
}

/** One indicator over time: base year, results, next year's target, five-year-plan target. */
export interface TrendRow {
  indicator: Indicator;
  /** One cell per trend column; undefined where the data has no value. */
  cells: (ValueFinding | undefined)[];
}

export interface TrendColumn {
  kind: Observation['kind'];
  year: number;
}

/** Progress toward the five-year plan's target: base, latest result, target, and whether it is met so far. */
export interface PlanProgressRow {
  indicator: Indicator;
  base?: ValueFinding;
  latest?: ValueFinding;
  target: ValueFinding;
  evaluation: Evaluation;
  /** Set when the latest result is published under a different definition (another indicator of the same concept). */
  differentDefinition?: Indicator;
}

/** The year's targets of one theme (the indicators' category): how many met, missed, pending. */
export interface ThemeResult {
  category: Indicator['category'];
  rows: ScorecardRow[];
  counts: Record<TargetStatus, number>;
}

/** A key project and where the source lists it. */
export interface CitedProject extends Project {
  cited: Citation;
}

export interface BriefingFindings {
  district: District;
  year: number;
  documents: DocumentRef[];
  scorecard: ScorecardRow[];
  statusCounts: Record<TargetStatus, number>;
  /** The scorecard by theme, in the catalogue's order of categories. */
  themes: ThemeResult[];
  headline: ValueFinding[];
  /** Every result of the year not shown in the scorecard or the headline figures. */
  otherResults: ValueFinding[];
  nextTargets: ValueFinding[];
  trendColumns: TrendColumn[];
  trend: TrendRow[];
  planProgress: PlanProgressRow[];
  projects: CitedProject[];
  nextProjects: CitedProject[];
  projectCounts: { sector: Sector; status: ProjectStatus; count: number; year: number }[];
  conflicts: Conflict[];
  /** Every value shown that is measured on a changed definition, in the order shown. */
  definitionChanges: DefinitionChange[];
  marksUsed: Mark[];
}

export function marksOf(chosen: Chosen): Mark[] {
  const { used } = chosen;
  const marks: Mark[] = [];
  if (used.flags.includes('estimate')) marks.push('estimate');
  if (used.value.qualifier === 'pending') marks.push('pending');
  if (used.flags.includes('adjusted')) marks.push('adjusted');
  if (used.flags.includes('base_revised')) marks.push('base_revised');
  if (used.flags.includes('definition_changed')) marks.push('definition_changed');
  if (chosen.conflict) marks.push('conflict');
  return marks;
}

const bySourceOrder = (a: ValueFinding, b: ValueFinding) =>
  a.chosen.used.source.doc.localeCompare(b.chosen.used.source.doc) || (a.chosen.used.source.line ?? 0) - (b.chosen.used.source.line ?? 0);

export function analyseDistrictYear(data: Dataset, districtId: string, year: number): BriefingFindings {
  const district = data.districts.get(districtId)!;
  const finding = (indicatorId: string, chosen: Chosen): ValueFinding => {
    const indicator = data.indicators.get(indicatorId)!;
    const unit = data.units.get(indicator.unit);
    return { indicator, ...(unit ? { unit } : {}), chosen, marks: marksOf(chosen), ...citedValue(data, chosen.used, indicator) };
  };
  const targets = observationsFor(data, districtId, year, 'target');
  const results = observationsFor(data, districtId, year, 'result');
  const next = observationsFor(data, districtId, year + 1, 'target');

  const candidateRows: ScorecardRow[] = [...targets]
    .map(([id, chosen]) => finding(id, chosen))
    .sort(bySourceOrder)
    .map((target) => {
      const resultChosen = results.get(target.indicator.id);
      const result = resultChosen ? finding(target.indicator.id, resultChosen) : undefined;
      return {
        indicator: target.indicator,
        isSub: Boolean(target.indicator.parent),
        target,
        result,
        evaluation: evaluateTarget(target.indicator, target.chosen.used, result?.chosen.used),
      };
    });
  const scorecard = candidateRows.length >= MIN_SCORECARD_ROWS ? candidateRows : [];

  const countStatuses = (rows: ScorecardRow[]) => {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<TargetStatus, number>;
    for (const row of rows) counts[row.evaluation.status]++;
    return counts;
  };
  const statusCounts = countStatuses(scorecard);
  const themes = CATEGORIES
    .map((category) => scorecard.filter((r) => r.indicator.category === category))
    .filter((rows) => rows.length > 0)
    .map((rows) => ({ category: rows[0]!.indicator.category, rows, counts: countStatuses(rows) }));

  const headline = HEADLINE_INDICATORS.filter((id) => results.has(id)).map((id) => finding(id, results.get(id)!));
  const nextTargets = [...next].map(([id, chosen]) => finding(id, chosen)).sort(bySourceOrder);
  const shown = new Set([...scorecard.map((r) => r.indicator.id), ...headline.map((h) => h.indicator.id)]);
  const otherResults = [...results].filter(([id]) => !shown.has(id)).map(([id, chosen]) => finding(id, chosen)).sort(bySourceOrder);

  // Trend: the plan's base year, every result year up to this one, next year's target, the plan's target.
  const own = data.observations.filter((o) => o.district === districtId);
  const columnKey = (c: TrendColumn) => `${c.kind}|${c.year}`;
  const columns = new Map<string, TrendColumn>();
  for (const o of own) {
    const c = { kind: o.kind, year: o.year };
    const planEnd = Math.min(...own.filter((p) => p.kind === 'fyp_target' && p.year > year).map((p) => p.year));
    if ((o.kind === 'base' && o.year <= year) || (o.kind === 'result' && o.year <= year && o.year >= year - 4) || (o.kind === 'target' && o.year === year + 1) || (o.kind === 'fyp_target' && o.year === planEnd)) {
      columns.set(columnKey(c), c);
    }
  }
  const order = { base: 0, result: 1, target: 2, fyp_target: 3 } as const;
  // A base year's result is the base itself: one column, the base value, else the result.
  const hasBase = (y: number) => columns.has(columnKey({ kind: 'base', year: y }));
  const candidates = [...columns.values()].filter((c) => !(c.kind === 'result' && hasBase(c.year))).sort((a, b) => order[a.kind] - order[b.kind] || a.year - b.year);
  const chosenFor = new Map(candidates.map((c) => [columnKey(c), c.kind === 'base'
    ? new Map([...observationsFor(data, districtId, c.year, 'result'), ...observationsFor(data, districtId, c.year, 'base')])
    : observationsFor(data, districtId, c.year, c.kind)]));
  const trendIds = [...new Set([...scorecard.map((r) => r.indicator.id), ...headline.map((h) => h.indicator.id), ...nextTargets.map((t) => t.indicator.id)])];
  // A column earns its place with values for at least three of these indicators; a row with three values.
  const trendColumns = candidates.filter((c) => trendIds.filter((id) => chosenFor.get(columnKey(c))!.has(id)).length >= 3);
  const trend = trendColumns.length < 3 ? [] : trendIds
    .map((id) => ({
      indicator: data.indicators.get(id)!,
      cells: trendColumns.map((c) => {
        const chosen = chosenFor.get(columnKey(c))!.get(id);
        return chosen ? finding(id, chosen) : undefined;
      }),
    }))
    .filter((row) => row.cells.filter(Boolean).length >= 3);

  // Five-year plan progress: every plan target, against the latest result up to this year.
  const planTargets = own.filter((o) => o.kind === 'fyp_target' && o.year > year);
  // Progress counts results after the plan's base year: a result of the previous plan period is no progress.
  const planBase = Math.min(...own.filter((o) => o.kind === 'base').map((o) => o.year), year - 1);
  const planProgress: PlanProgressRow[] = [...new Set(planTargets.map((o) => o.indicator))].map((id) => {
    const indicator = data.indicators.get(id)!;
    const target = finding(id, observationsFor(data, districtId, planTargets.find((o) => o.indicator === id)!.year, 'fyp_target').get(id)!);
    const baseObs = own.filter((o) => o.kind === 'base' && o.indicator === id).sort((a, b) => a.year - b.year)[0];
    const base = baseObs ? finding(id, observationsFor(data, districtId, baseObs.year, 'base').get(id)!) : undefined;
    const latestOf = (ids: string[]) => own
      .filter((o) => o.kind === 'result' && ids.includes(o.indicator) && o.year > planBase && o.year <= year && o.value.qualifier !== 'pending')
      .sort((a, b) => b.year - a.year)[0];
    const same = latestOf([id]);
    const related = same ?? latestOf([...data.indicators.values()].filter((i) => i.concept === indicator.concept && i.id !== id).map((i) => i.id));
    const latest = related ? finding(related.indicator, observationsFor(data, districtId, related.year, 'result').get(related.indicator)!) : undefined;
    const differentDefinition = related && !same ? data.indicators.get(related.indicator) : undefined;
    const evaluation: Evaluation = differentDefinition
      ? { status: 'not_comparable', rule: 'different-definition' }
      : evaluateTarget(indicator, target.chosen.used, latest?.chosen.used);
    return { indicator, base, latest, target, evaluation, ...(differentDefinition ? { differentDefinition } : {}) };
  });

  // Annual lists only: a five-year plan's project columns are a plan for the whole period, not a year's list.
  const annual = data.projects
    .filter((p) => p.district === districtId && data.documents.get(p.source.doc)!.kind !== 'five_year_plan')
    .map((p) => ({ ...p, cited: citationOf(data, p.source) }));
  const projects = annual.filter((p) => p.year === year);
  const nextProjects = annual.filter((p) => p.year === year + 1);
  const projectCounts: BriefingFindings['projectCounts'] = [];
  for (const [y, list] of [[year, projects], [year + 1, nextProjects]] as const) {
    for (const { sector, status, items } of projectGroups(list)) projectCounts.push({ sector, status, count: items.length, year: y });
  }

  const allFindings = [
    ...scorecard.flatMap((r) => [r.target, ...(r.result ? [r.result] : [])]), ...headline, ...otherResults, ...nextTargets,
    ...trend.flatMap((r) => r.cells.filter((c): c is ValueFinding => c !== undefined)),
    ...planProgress.flatMap((r) => [r.target, ...(r.base ? [r.base] : []), ...(r.latest ? [r.latest] : [])]),
  ];
  // Every value the sources give differently: of the year and the years around it, and any other the briefing shows
  // (the trend, the plan), each once, so that a value marked "sources differ" always has its values listed.
  const conflicts: Conflict[] = [];
  const considered = [
    ...[...targets.values(), ...results.values(), ...next.values()],
    ...[...observationsFor(data, districtId, year - 1, 'result').values()],
    ...allFindings.map((f) => f.chosen),
  ];
  const listed = new Set<Observation>();
  for (const chosen of considered) {
    if (!chosen.conflict || listed.has(chosen.used)) continue;
    listed.add(chosen.used);
    const o = chosen.used;
    const indicator = data.indicators.get(o.indicator)!;
    conflicts.push({ indicator, year: o.year, kind: o.kind, used: citedValue(data, o, indicator), others: chosen.others.map((other) => citedValue(data, other, indicator)) });
  }
  const marksUsed = MARKS.filter((m) => allFindings.some((f) => f.marks.includes(m)));
  const definitionChanges = [...new Set(allFindings.filter((f) => f.marks.includes('definition_changed')).map((f) => f.chosen.used))].map((o) => ({
    indicator: data.indicators.get(o.indicator)!, year: o.year, kind: o.kind, value: citedValue(data, o, data.indicators.get(o.indicator)!),
    note: { zh: o.note ?? '', en: o.noteEn ?? '' },
  }));

  const docIds = new Set([...allFindings.map((f) => f.chosen.used.source.doc), ...projects.map((p) => p.source.doc), ...nextProjects.map((p) => p.source.doc)]);
  const documents = [...docIds].sort().map((id) => documentRef(data.documents.get(id)!));

  return {
    district, year, documents, scorecard, statusCounts, themes, headline, otherResults, nextTargets, trendColumns, trend, planProgress,
    projects, nextProjects, projectCounts, conflicts, definitionChanges, marksUsed,
  };
}
