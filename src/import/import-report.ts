// Drafts data from one report: its indicator tables, its prose and its project lists. Reads the report only.
import type { Draft, DraftObservation, ImportContext, ProposedIndicator } from './draft.js';
import { readIndicatorTable } from './indicator-table.js';
import { readProjects } from './projects.js';
import { readProse } from './prose.js';
import { findTables } from './tables.js';

export function importReport(ctx: ImportContext): Draft {
  const proposed = new Map<string, ProposedIndicator>();
  const observations: DraftObservation[] = [];
  const tableLines = new Set<number>();
  for (const table of findTables(ctx.lines)) {
    const read = readIndicatorTable(table, ctx, proposed);
    if (read.length) for (let l = table.captionLine; l < table.end; l++) tableLines.add(l);
    observations.push(...read);
  }
  observations.push(...readProse(ctx, tableLines));
  return { observations, projects: readProjects(ctx), proposed: [...proposed.values()] };
}

/** The year a report reviews when not given: the year most often named in its first lines. */
export function reviewedYear(lines: string[]): number | undefined {
  const counts = new Map<number, number>();
  for (const line of lines.slice(0, 30)) for (const m of line.matchAll(/(20\d\d)年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}
