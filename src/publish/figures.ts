// The derived figures a document shows (counts of targets by status, ranks), kept to list those a correction changes.
import type { BriefingReport } from '../analyse/briefing.js';
import type { ComparisonFindings } from '../analyse/compare.js';
import { STATUSES } from '../analyse/evaluate-target.js';
import type { BriefingFindings } from '../analyse/findings.js';

function targetCounts(b: BriefingFindings): [string, string][] {
  if (b.scorecard.length === 0) return [];
  return STATUSES.map((s) => [`targets ${b.district.id} ${s}`, String(b.statusCounts[s])]);
}

/** "targets wanzhou met" → "21"; "rank wanzhou gdp_growth" → "2/3". */
export function briefingFigures(report: BriefingReport): Record<string, string> {
  const f = report.findings;
  const ranks = (report.peers?.rows ?? []).map((r): [string, string] => [`rank ${f.district.id} ${r.indicator.id}`, `${r.rank}/${r.of}`]);
  return Object.fromEntries([...targetCounts(f), ...ranks]);
}

export function memoFigures(f: ComparisonFindings): Record<string, string> {
  const ranks = f.rows.flatMap((r) => {
    const of = r.cells.filter((c) => c.rank !== undefined).length;
    return r.cells.filter((c) => c.rank !== undefined).map((c): [string, string] => [`rank ${c.district.id} ${r.indicator.id}`, `${c.rank}/${of}`]);
  });
  return Object.fromEntries([...f.briefings.flatMap(targetCounts), ...ranks]);
}
