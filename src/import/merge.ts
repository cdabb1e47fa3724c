// `import --merge`: adds a draft to the project's data as draft-flagged rows in files of its own, reporting conflicts; reviewed rows are never changed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { OBSERVATION_COLUMNS, PROJECT_COLUMNS, valueKey } from '../data/load.js';
import { parseValue } from '../data/parse-value.js';
import { squash, standsOn } from '../data/source-lines.js';
import type { Dataset, Observation } from '../data/types.js';
import { toCsv } from '../export.js';
import type { Draft, DraftObservation } from './draft.js';

export const MERGE_OBSERVATION_COLUMNS = [...OBSERVATION_COLUMNS, 'locator', 'line_end'] as const;
export const MERGE_PROJECT_COLUMNS = [...PROJECT_COLUMNS, 'locator', 'line_end', 'flags'] as const;

export interface MergeResult {
  /** The files to write: data/observations/<doc>.draft.csv and data/projects/<doc>.draft.csv. */
  files: { path: string; data: Buffer }[];
  /** Draft values added (conflicting ones included). */
  added: number;
  /** Draft values the reviewed data already holds with the same value: not added again. */
  known: number;
  /** Draft values that differ from a reviewed value of the same district, year, indicator and kind: added beside it, noted, never replacing it. */
  conflicts: string[];
  /** Draft values left out, with the reason (a proposed indicator, a unit the catalogue does not use, a quote not on its line). */
  skipped: string[];
  projectsAdded: number;
  projectsKnown: number;
  projectConflicts: string[];
  /** Draft projects left out, with the reason (a name not on its line or lines). */
  projectsSkipped: string[];
}

type Row = Record<string, string | number>;
const slot = (o: { district: string; year: number; indicator: string; kind: string }) => `${o.district}|${o.year}|${o.indicator}|${o.kind}`;
const at = (o: Observation) => `${o.place.file}:${o.place.line}`;

/** The rows of an earlier merge's file that a reviewer has taken (no `draft` flag): kept as they are. */
function reviewedRows(path: string): Row[] {
  if (!existsSync(path)) return [];
  const rows = parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
  return rows.filter((r) => !String(r.flags ?? '').split(';').map((f) => f.trim()).includes('draft'));
}

/** Why a drafted value cannot stand in the data as it is, if it cannot. */
function unfit(o: DraftObservation, data: Dataset): string | undefined {
  if (o.proposed) return `indicator "${o.name}" is not in the catalogue (proposed as ${o.indicator})`;
  const indicator = data.indicators.get(o.indicator);
  if (!indicator) return `unknown indicator ${o.indicator}`;
  const parsed = parseValue(o.text, [...data.units.keys()]);
  if (!parsed.ok) return `"${o.text}" is not a value`;
  if (parsed.value.unit && parsed.value.unit !== indicator.unit && !parsed.value.change) return `"${o.text}" is in ${parsed.value.unit}, ${o.indicator} in ${indicator.unit}`;
  const lines = data.documents.get(o.doc)?.lines ?? [];
  if (!standsOn(lines, o.quote || o.text, o.line, o.lineEnd)) return `"${o.quote || o.text}" is not on ${o.lineEnd ? `lines ${o.line}-${o.lineEnd}` : `line ${o.line}`} of ${o.doc}`;
  return undefined;
}

/** Plans the merge of `draft` into the data folder `dataDir` (already loaded as `data`); writes nothing. */
export function planMerge(draft: Draft, data: Dataset, dataDir: string): MergeResult {
  const doc = draft.observations[0]?.doc ?? draft.projects[0]?.doc;
  const result: MergeResult = { files: [], added: 0, known: 0, conflicts: [], skipped: [], projectsAdded: 0, projectsKnown: 0, projectConflicts: [], projectsSkipped: [] };
  if (!doc) return result;
  if (!data.documents.has(doc)) throw new Error(`document "${doc}" is not in documents.yaml: add it (and its text under sources/) before merging`);
  const units = [...data.units.keys()];
  const reviewed = new Map<string, Observation[]>();
  for (const o of data.observations) reviewed.set(slot(o), [...(reviewed.get(slot(o)) ?? []), o]);

  const observationsPath = join(dataDir, 'observations', `${doc}.draft.csv`);
  const observations: Row[] = reviewedRows(observationsPath);
  const seen = new Set<string>();
  for (const o of draft.observations) {
    const why = unfit(o, data);
    if (why) {
      result.skipped.push(`line ${o.line}: ${why}`);
      continue;
    }
    const parsed = parseValue(o.text, units);
    const value = valueKey({ text: o.text, value: parsed.ok ? parsed.value : { qualifier: 'qualitative' } } as Observation);
    const same = `${slot(o)}|${o.line}|${value}`;
    if (seen.has(same)) continue;
    seen.add(same);
    const there = reviewed.get(slot(o)) ?? [];
    if (there.some((r) => valueKey(r) === value)) {
      result.known++;
      continue;
    }
    let note = o.note;
    if (there.length) {
      const others = there.map((r) => `"${r.text}" (${at(r)})`).join(', ');
      note = `conflicts with reviewed ${others}`;
      result.conflicts.push(`${o.district} ${o.year} ${o.indicator} ${o.kind}: draft "${o.text}" (line ${o.line}) vs reviewed ${others}`);
    }
    observations.push({
      district: o.district, year: o.year, indicator: o.indicator, kind: o.kind, text: o.text, flags: o.flags.join(';'), doc: o.doc, line: o.line,
      quote: o.quote, note, locator: o.table, line_end: o.lineEnd ?? '',
    });
    result.added++;
  }

  const projectsPath = join(dataDir, 'projects', `${doc}.draft.csv`);
  const projects: Row[] = reviewedRows(projectsPath);
  const names = new Map<string, string[]>();
  for (const p of data.projects) {
    const key = `${p.district}|${p.year}|${squash(p.name.zh)}`;
    names.set(key, [...(names.get(key) ?? []), p.status]);
  }
  const projectSeen = new Set<string>();
  for (const p of draft.projects) {
    // A name printed over lines that do not read as one (the columns of a PDF table run together) cannot be quoted.
    if (!standsOn(data.documents.get(p.doc)?.lines ?? [], p.zh, p.line, p.lineEnd)) {
      result.projectsSkipped.push(`line ${p.line}: project "${p.zh}" is not on ${p.lineEnd ? `lines ${p.line}-${p.lineEnd}` : `line ${p.line}`} of ${p.doc}`);
      continue;
    }
    const key = `${p.district}|${p.year}|${squash(p.zh)}`;
    if (projectSeen.has(`${key}|${p.status}`)) continue;
    projectSeen.add(`${key}|${p.status}`);
    const statuses = names.get(key) ?? [];
    if (statuses.includes(p.status)) {
      result.projectsKnown++;
      continue;
    }
    if (statuses.length) result.projectConflicts.push(`${p.district} ${p.year} ${p.zh}: draft ${p.status} (line ${p.line}) vs reviewed ${statuses.join(', ')}`);
    projects.push({ district: p.district, year: p.year, sector: p.sector, status: p.status, zh: p.zh, en: '', doc: p.doc, line: p.line, locator: p.table, line_end: p.lineEnd ?? '', flags: 'draft' });
    result.projectsAdded++;
  }
  // An earlier merge's file is rewritten even when nothing is left in it, so its old drafts go.
  if (observations.length || existsSync(observationsPath)) result.files.push({ path: observationsPath, data: Buffer.from(toCsv(observations, MERGE_OBSERVATION_COLUMNS)) });
  if (projects.length || existsSync(projectsPath)) result.files.push({ path: projectsPath, data: Buffer.from(toCsv(projects, MERGE_PROJECT_COLUMNS)) });
  return result;
}

/** The merge summarised for the terminal. */
export function mergeReport(r: MergeResult): string[] {
  return [
    ...r.files.map((f) => f.path),
    `merged ${r.added} draft values (${r.known} already in the data, ${r.skipped.length} left out) and ${r.projectsAdded} draft projects (${r.projectsKnown} already in the data, ${r.projectsSkipped.length} left out); reviewed rows are unchanged`,
    ...r.conflicts.map((c) => `conflict: ${c}`),
    ...r.projectConflicts.map((c) => `conflict: ${c}`),
    ...[...r.skipped, ...r.projectsSkipped].map((s) => `left out: ${s}`),
  ];
}
