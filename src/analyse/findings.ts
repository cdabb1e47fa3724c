// Findings for a district's annual briefing: scorecard, headline figures, next year's targets, projects, notes.
import type { Dataset, District, Indicator, Observation, Project, ProjectStatus, Sector, SourceDocument } from '../data/types.js';
import { PROJECT_STATUSES, SECTORS } from '../data/types.js';
import { evaluateTarget, STATUSES, type Evaluation, type TargetStatus } from './evaluate-target.js';
import { observationsFor, type Chosen } from './choose.js';

/** Note marks a value can carry in a document; each is explained once in the data notes. */
export const MARKS = ['estimate', 'pending', 'adjusted', 'base_revised', 'conflict'] as const;
export type Mark = (typeof MARKS)[number];

/** The figures shown "at a glance", in this order, where the data has them. */
export const HEADLINE_INDICATORS = [
  'gdp_growth', 'gdp', 'gdp_per_capita', 'fixed_asset_investment', 'retail_sales_growth', 'budget_revenue', 'tax_revenue',
  'disposable_income', 'industrial_output', 'trade_total', 'fdi_actual', 'urbanisation_rate', 'new_urban_jobs',
];

export interface ValueFinding {
  indicator: Indicator;
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

export interface Conflict {
  indicator: Indicator;
  year: number;
  kind: Observation['kind'];
  used: Observation;
  others: Observation[];
}

export interface BriefingFindings {
  district: District;
  year: number;
  documents: SourceDocument[];
  scorecard: ScorecardRow[];
  statusCounts: Record<TargetStatus, number>;
  headline: ValueFinding[];
  nextTargets: ValueFinding[];
  projects: Project[];
  nextProjects: Project[];
  projectCounts: { sector: Sector; status: ProjectStatus; count: number; year: number }[];
  conflicts: Conflict[];
  marksUsed: Mark[];
}

export function marksOf(chosen: Chosen): Mark[] {
  const { used } = chosen;
  const marks: Mark[] = [];
  if (used.flags.includes('estimate')) marks.push('estimate');
  if (used.value.qualifier === 'pending') marks.push('pending');
  if (used.flags.includes('adjusted')) marks.push('adjusted');
  if (used.flags.includes('base_revised')) marks.push('base_revised');
  if (chosen.conflict) marks.push('conflict');
  return marks;
}

const bySourceOrder = (a: ValueFinding, b: ValueFinding) =>
  a.chosen.used.source.doc.localeCompare(b.chosen.used.source.doc) || a.chosen.used.source.line - b.chosen.used.source.line;

export function analyseDistrictYear(data: Dataset, districtId: string, year: number): BriefingFindings {
  const district = data.districts.get(districtId)!;
  const finding = (indicatorId: string, chosen: Chosen): ValueFinding => ({
    indicator: data.indicators.get(indicatorId)!,
    chosen,
    marks: marksOf(chosen),
  });
  const targets = observationsFor(data, districtId, year, 'target');
  const results = observationsFor(data, districtId, year, 'result');
  const next = observationsFor(data, districtId, year + 1, 'target');

  const scorecard: ScorecardRow[] = [...targets]
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

  const statusCounts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<TargetStatus, number>;
  for (const row of scorecard) statusCounts[row.evaluation.status]++;

  const headline = HEADLINE_INDICATORS.filter((id) => results.has(id)).map((id) => finding(id, results.get(id)!));
  const nextTargets = [...next].map(([id, chosen]) => finding(id, chosen)).sort(bySourceOrder);

  const projects = data.projects.filter((p) => p.district === districtId && p.year === year);
  const nextProjects = data.projects.filter((p) => p.district === districtId && p.year === year + 1);
  const projectCounts: BriefingFindings['projectCounts'] = [];
  for (const [y, list] of [[year, projects], [year + 1, nextProjects]] as const) {
    for (const sector of SECTORS) {
      for (const status of PROJECT_STATUSES) {
        const count = list.filter((p) => p.sector === sector && p.status === status).length;
        if (count > 0) projectCounts.push({ sector, status, count, year: y });
      }
    }
  }

  const conflicts: Conflict[] = [];
  const considered = [
    ...[...targets.values(), ...results.values(), ...next.values()],
    ...[...observationsFor(data, districtId, year - 1, 'result').values()],
  ];
  for (const chosen of considered) {
    if (!chosen.conflict) continue;
    const o = chosen.used;
    conflicts.push({ indicator: data.indicators.get(o.indicator)!, year: o.year, kind: o.kind, used: o, others: chosen.others });
  }

  const allFindings = [...scorecard.flatMap((r) => [r.target, ...(r.result ? [r.result] : [])]), ...headline, ...nextTargets];
  const marksUsed = MARKS.filter((m) => allFindings.some((f) => f.marks.includes(m)));

  const docIds = new Set([...allFindings.map((f) => f.chosen.used.source.doc), ...projects.map((p) => p.source.doc), ...nextProjects.map((p) => p.source.doc)]);
  const documents = [...docIds].sort().map((id) => data.documents.get(id)!);

  return { district, year, documents, scorecard, statusCounts, headline, nextTargets, projects, nextProjects, projectCounts, conflicts, marksUsed };
}
