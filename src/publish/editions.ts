// The one writer of editions: plans each document's next edition, renders it, archives the previous one, writes outputs and state together.
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { EditionInfo } from '../analyse/corrections.js';
import type { LangMode } from '../compose/compose.js';
import { outputPath } from '../contained-path.js';
import {
  briefingFileName, briefingPlan, briefingReport, comparisonFileName, comparisonFindings, comparisonPlan, documentDate, renderPlan,
  type Format, type RenderedFile, type Workspace,
} from '../pipeline.js';
import type { DocxCharts } from '../output-options.js';
import { whatChanged, type Verdict } from './changes.js';
import { briefingShows, memoShows, recordInputs, recordValues, sha256, type Dependencies, type InputPaths } from './dependencies.js';
import { briefingFigures, memoFigures } from './figures.js';
import { serialiseState, type DocumentState, type PublishState } from './state.js';

/** A document of the project: a district's briefing for a year, or a memo comparing districts. */
export type DocumentEntry =
  | { kind: 'briefing'; key: string; district: string; year: number }
  | { kind: 'comparison'; key: string; districts: string[]; year: number };

export const briefingEntry = (district: string, year: number): DocumentEntry => ({ kind: 'briefing', key: `${district}-${year}`, district, year });
export const comparisonEntry = (districts: string[], year: number): DocumentEntry => ({ kind: 'comparison', key: `compare-${[...new Set(districts)].sort().join('-')}-${year}`, districts: [...new Set(districts)], year });

export interface Output {
  lang: LangMode;
  format: Format;
}

export const fileNameOf = (e: DocumentEntry, o: Output) =>
  e.kind === 'briefing' ? briefingFileName(e.district, e.year, o.lang, o.format) : comparisonFileName(e.districts, e.year, o.lang, o.format);
const outputOf = (name: string): Output | undefined => {
  const m = /\.(zh|en|zh-en)\.(pdf|docx)$/.exec(name);
  return m ? { lang: m[1] as LangMode, format: m[2] as Format } : undefined;
};

export interface EditionSettings {
  inputs: InputPaths;
  outDir: string;
  /** The date printed on documents, when fixed (briefing.yaml's `date`, or --date). */
  date?: string;
  docxCharts: DocxCharts;
  /** The date a new edition carries. */
  editionDate: string;
}

/** The date new editions carry: the fixed date, else SOURCE_DATE_EPOCH, else today. */
export function editionDate(fixed?: string): string {
  if (fixed) return fixed;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return (epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date()).toISOString().slice(0, 10);
}

export type Reason = 'first edition' | 'correction' | 'update' | 'output missing' | 'unchanged';

export interface PlannedEdition {
  entry: DocumentEntry;
  verdict: Verdict;
  reason: Reason;
  /** The edition the rendered files are, with what analysis needs for the notice. */
  edition: EditionInfo;
  /** What to render now; empty when the document stays as it is. */
  render: Output[];
  /** The document's state after this build (file hashes filled in when written). */
  next: DocumentState;
  /** The edition being replaced, whose files go to the archive. */
  replaces?: DocumentState;
}

/** Analyses one document and records what it shows. */
function record(ws: Pick<Workspace, 'data'>, settings: EditionSettings, entry: DocumentEntry) {
  const config = { ...(settings.date ? { date: settings.date } : {}), docxCharts: settings.docxCharts, epoch: process.env.SOURCE_DATE_EPOCH ?? '' };
  if (entry.kind === 'briefing') {
    const report = briefingReport(ws, entry);
    const values = recordValues(ws.data, briefingShows(report));
    return { values, figures: briefingFigures(report), inputs: recordInputs(settings.inputs, 'district-briefing.md.hbs', config), date: documentDate(report.findings.documents, settings.date) };
  }
  const findings = comparisonFindings(ws, entry);
  const values = recordValues(ws.data, memoShows(findings));
  return { values, figures: memoFigures(findings), inputs: recordInputs(settings.inputs, 'comparison-memo.md.hbs', config), date: documentDate(findings.documents, settings.date) };
}

const fileHash = (path: string) => (existsSync(path) ? sha256(readFileSync(path)) : undefined);

/** Decides, per requested document, what edition it gets and which of its files to render. */
export function planEditions(ws: Pick<Workspace, 'data'>, settings: EditionSettings, state: PublishState, requests: { entry: DocumentEntry; outputs: Output[] }[]): PlannedEdition[] {
  return requests.map(({ entry, outputs }) => {
    const r = record(ws, settings, entry);
    const dependencies: Dependencies = { values: r.values.values, projects: r.values.projects, inputs: r.inputs };
    const previous = state.documents[entry.key];
    const verdict = whatChanged(previous, dependencies, r.figures, r.values.observations);
    const requested = outputs.map((o) => fileNameOf(entry, o));
    if (!previous || verdict.kind === 'first') {
      const next: DocumentState = { edition: 1, first: r.date, date: r.date, files: {}, dependencies, figures: r.figures, log: [{ edition: 1, date: r.date, kind: 'first' }] };
      return { entry, verdict, reason: 'first edition', edition: infoOf(next), render: outputs, next };
    }
    if (verdict.kind === 'unchanged') {
      // The same inputs give the same bytes: render only files asked for that are missing or not as written.
      const render = outputs.filter((o) => {
        const name = fileNameOf(entry, o);
        return !previous.files[name] || fileHash(outputPath(settings.outDir, name)) !== previous.files[name];
      });
      return { entry, verdict, reason: render.length > 0 ? 'output missing' : 'unchanged', edition: infoOf(previous), render, next: { ...previous } };
    }
    const names = [...new Set([...Object.keys(previous.files), ...requested])].sort();
    const edition = previous.edition + 1;
    const next: DocumentState = {
      edition, first: previous.first, date: settings.editionDate, files: {}, dependencies, figures: r.figures,
      log: [...previous.log, {
        edition, date: settings.editionDate, kind: verdict.kind,
        ...(verdict.why.length > 0 ? { why: verdict.why } : {}),
        ...(verdict.kind === 'correction' ? { changes: verdict.changes, consequences: verdict.consequences } : {}),
      }],
    };
    return { entry, verdict, reason: verdict.kind, edition: infoOf(next), render: names.map(outputOf).filter((o): o is Output => o !== undefined), next, replaces: previous };
  });
}

const infoOf = (d: DocumentState): EditionInfo => ({ edition: d.edition, first: d.first, date: d.date, log: d.log });

/** What a worker needs to render one planned document: plain data, sent between threads. */
export interface RenderJob {
  entry: DocumentEntry;
  edition: EditionInfo;
  render: Output[];
  outDir: string;
  date?: string;
  docxCharts: DocxCharts;
}

export const jobOf = (p: PlannedEdition, settings: EditionSettings, outDir = settings.outDir): RenderJob => ({
  entry: p.entry, edition: p.edition, render: p.render, outDir, ...(settings.date ? { date: settings.date } : {}), docxCharts: settings.docxCharts,
});

/** Renders a job's files in memory. */
export async function renderJob(ws: Workspace, job: RenderJob): Promise<RenderedFile[]> {
  const langs = [...new Set(job.render.map((o) => o.lang))];
  const formats = [...new Set(job.render.map((o) => o.format))];
  const request = { year: job.entry.year, langs, formats, outDir: job.outDir, edition: job.edition, ...(job.date ? { date: job.date } : {}) };
  const plan = job.entry.kind === 'briefing' ? briefingPlan(ws, { ...request, district: job.entry.district }) : comparisonPlan(ws, { ...request, districts: job.entry.districts });
  const wanted = new Set(job.render.map((o) => outputPath(job.outDir, fileNameOf(job.entry, o))));
  return (await renderPlan(ws, plan, langs, formats, job.outDir, job.docxCharts)).filter((f) => wanted.has(f.path));
}

/** Renders jobs (in this thread, or on workers), one list of files per job; a job with nothing to render gives none. */
export type JobRunner = (jobs: RenderJob[]) => Promise<RenderedFile[][]>;

/** An update whose files can all be compared with the edition it would replace. */
const comparable = (p: PlannedEdition) => p.reason === 'update' && p.replaces !== undefined && p.render.every((o) => p.replaces!.files[fileNameOf(p.entry, o)] !== undefined);

/** An update that changed nothing in the files: the current edition stays, with what it now depends on. */
const keptAfterUpdate = (p: PlannedEdition): PlannedEdition => ({
  ...p, reason: 'unchanged', edition: infoOf(p.replaces!), render: [],
  next: { ...p.replaces!, dependencies: p.next.dependencies, figures: p.next.figures },
  replaces: undefined,
});

/**
 * Renders the planned editions. An update (a new tool version, a template, a value no file shows the same way) is
 * first rendered as the edition it would replace: where every file comes out as that edition was written, a reader
 * would see nothing new, so the edition stays and only its dependencies are recorded. Otherwise, and for every other
 * plan, the document is rendered as its next edition.
 */
export async function renderEditions(planned: PlannedEdition[], settings: EditionSettings, run: JobRunner, outDir = settings.outDir): Promise<{ planned: PlannedEdition[]; rendered: RenderedFile[][] }> {
  const first = await run(planned.map((p) => jobOf(comparable(p) ? { ...p, edition: infoOf(p.replaces!) } : p, settings, outDir)));
  const same = planned.map((p, i) => comparable(p) && first[i]!.every((f) => p.replaces!.files[basename(f.path)] === sha256(f.data)));
  const again = planned.filter((p, i) => comparable(p) && !same[i]);
  const second = again.length > 0 ? await run(again.map((p) => jobOf(p, settings, outDir))) : [];
  return {
    planned: planned.map((p, i) => (same[i] ? keptAfterUpdate(p) : p)),
    rendered: planned.map((p, i) => (same[i] ? [] : comparable(p) ? second[again.indexOf(p)]! : first[i]!)),
  };
}

/** Where an edition's file is kept once replaced: output/archive/<name>.e<edition>.<ext>. */
export const archiveName = (name: string, edition: number) => join('archive', `${basename(name, extname(name))}.e${edition}${extname(name)}`);

/**
 * Everything a build writes, in the order it is renamed into place: archive copies of replaced editions, the new
 * files, then the state. A process killed before the end leaves the state naming files that are still on disk.
 */
export function editionWrites(settings: EditionSettings, statePath: string, state: PublishState, planned: PlannedEdition[], rendered: RenderedFile[][]): { files: RenderedFile[]; archived: string[]; next: PublishState } {
  const next: PublishState = { version: 2, documents: { ...state.documents } };
  const archive: RenderedFile[] = [];
  planned.forEach((p, i) => {
    const files = rendered[i] ?? [];
    if (p.replaces) {
      for (const [name, hash] of Object.entries(p.replaces.files)) {
        const path = outputPath(settings.outDir, name);
        const kept = outputPath(settings.outDir, archiveName(name, p.replaces.edition));
        // Only a file still as the previous edition wrote it is that edition; an archive copy already made stays.
        if (existsSync(kept) || !existsSync(path)) continue;
        const data = readFileSync(path);
        if (sha256(data) === hash) archive.push({ path: kept, data });
      }
    }
    const hashes = { ...(p.replaces ? {} : p.next.files) };
    for (const f of files) hashes[basename(f.path)] = sha256(f.data);
    // Files of a replaced edition that were not rendered again are no longer this document's.
    next.documents[p.entry.key] = { ...p.next, files: Object.fromEntries(Object.entries(hashes).sort()) };
  });
  const outputs = rendered.flat();
  return {
    files: [...archive, ...outputs, { path: statePath, data: Buffer.from(serialiseState(next)) }],
    archived: archive.map((a) => a.path),
    next,
  };
}
