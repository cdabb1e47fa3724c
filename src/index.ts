// The library: load a project, render a briefing or a comparison in memory, build a project's documents.
import { build as buildDocuments, editionSettings, type BuildResult } from './build/build.js';
import { buildPaths, type BuildPathOptions } from './build/paths.js';
import { readManifest } from './build/manifest.js';
import { acquireLock } from './build/lock.js';
import { briefingEntry, comparisonEntry, editionWrites, fileNameOf, jobOf, planEditions, renderEditions, renderJob, type DocumentEntry, type JobRunner, type PlannedEdition } from './publish/editions.js';
import { readState } from './publish/state.js';
import { writeFilesAtomically } from './write-atomic.js';
import { withWorkspace, type LoadedProject } from './project/workspace.js';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LangMode } from './compose/compose.js';
import type { Dataset } from './data/types.js';
import { briefingPlan, comparisonPlan, FORMATS, renderPlan, yearsWithData, type DocumentRequest, type Format, type RenderedFile, type Workspace } from './pipeline.js';
import { findProjectRoot } from './project/discover.js';
import { readProject, type Project, type ProjectOverrides } from './project/project.js';
import { LANG_MODES } from './compose/compose.js';
import { say } from './cli/cli-messages.js';
import type { DocxCharts } from './output-options.js';

export type { DocxCharts, BuildResult, Dataset, Format, LangMode, Project, ProjectOverrides, RenderedFile, Workspace };
export { writeFilesAtomically };
import { fail } from './diagnostics.js';
export { DiagnosticError, formatDiagnostic, type Diagnostic } from './diagnostics.js';

/** Loads the project whose briefing.yaml is in `dir` or the nearest folder above it. Throws DiagnosticError on bad data. */
export function loadProject(dir: string = process.cwd(), overrides: ProjectOverrides = {}): LoadedProject {
  const root = findProjectRoot(dir);
  if (!root) throw new Error(say('noProject', dir));
  return withWorkspace(readProject(root, overrides));
}

/** What every rendering takes; everything has a default. */
export interface RenderOptions {
  /** Default: the year with published results (latest first). */
  year?: number;
  /** Default: ['zh-en']. */
  langs?: LangMode[];
  /** Default: ['pdf', 'docx']. */
  formats?: Format[];
  /** Date printed on the document (YYYY-MM-DD); default: SOURCE_DATE_EPOCH, else the newest source's date. */
  date?: string;
  /** Folder the returned paths point into; default: the project's output folder. Nothing is written. */
  outDir?: string;
  /** DOCX charts as editable Word charts (default) or as pictures. */
  docxCharts?: DocxCharts;
}

export interface BriefingOptions extends RenderOptions {
  district: string;
}

export interface ComparisonOptions extends RenderOptions {
  /** Default: the project's districts (briefing.yaml). */
  districts?: string[];
}

/** The latest year in which every one of `districts` published results. */
export function latestYear(data: Dataset, districts: string[]): number | undefined {
  const [first, ...rest] = districts.map((d) => yearsWithData(data, d));
  return first?.filter((y) => rest.every((years) => years.includes(y))).at(-1);
}

function request(project: LoadedProject, options: RenderOptions, year: number): DocumentRequest {
  return {
    year,
    langs: options.langs ?? ['zh-en'],
    formats: options.formats ?? [...FORMATS],
    outDir: options.outDir ?? project.outDir,
    ...(options.date ? { date: options.date } : {}),
  };
}

/** A district's annual briefing, in memory: one file per language mode and format. */
export async function renderBriefing(project: LoadedProject, options: BriefingOptions): Promise<RenderedFile[]> {
  const ws = project.workspace;
  const year = options.year ?? defaultYear(ws.data, [options.district]);
  const r = request(project, options, year);
  return renderPlan(ws, briefingPlan(ws, { ...r, district: options.district }), r.langs, r.formats, r.outDir, options.docxCharts);
}

/** A memo comparing two or more districts in one year, in memory. */
export async function renderComparison(project: LoadedProject, options: ComparisonOptions): Promise<RenderedFile[]> {
  const ws = project.workspace;
  const districts = options.districts ?? project.districts;
  if (!options.districts && districts.length < 2) throw new Error(say('fewDistricts'));
  const year = options.year ?? defaultYear(ws.data, districts);
  const r = request(project, options, year);
  return renderPlan(ws, comparisonPlan(ws, { ...r, districts }), r.langs, r.formats, r.outDir, options.docxCharts);
}

/** The latest year with results for all of `districts`, which must be known. */
function defaultYear(data: Dataset, districts: string[]): number {
  for (const d of districts) if (!data.districts.has(d)) fail('unknownDistrictArg', undefined, d, [...data.districts.keys()].join(', '));
  const year = latestYear(data, districts);
  if (year === undefined) throw new Error(districts.length === 1 ? say('noYearWithResults', districts[0]!) : say('noCommonYear', districts.join(', ')));
  return year;
}

export interface BuildOptions extends BuildPathOptions {
  /** Progress and report lines. */
  log?: (line: string) => void;
}

/** Builds every document of the project's briefing.yaml that changed, and writes them into its output folder. */
export function build(project: Project, options: BuildOptions = {}): Promise<BuildResult> {
  return buildDocuments(buildPaths(project, options), options.log ?? (() => {}));
}

export interface PublishOptions extends RenderOptions {
  /** Render what the next edition would be into `outDir` (default: the output folder's preview/), without touching editions. */
  preview?: boolean;
}

export interface Publication {
  planned: PlannedEdition;
  /** Files written (new edition, missing files, or the preview). */
  written: string[];
  /** The files asked for, in the output folder, when it was not a preview. */
  files: string[];
  archived: string[];
  preview: boolean;
}

/** The fixed date of briefing.yaml, when the project has one. */
function settingsDate(project: Project): string | undefined {
  if (!existsSync(project.settingsFile)) return undefined;
  return readManifest(project.settingsFile, 'briefing.yaml').date;
}

/**
 * One document through the edition writer, as `build` would: unchanged inputs leave the current edition alone; changed
 * inputs issue the next edition and keep the previous one in output/archive/. A preview, or an `outDir` other than the
 * project's output folder, renders there and leaves editions alone.
 */
export async function publishDocument(project: LoadedProject, entry: DocumentEntry, options: PublishOptions = {}): Promise<Publication> {
  const ws = project.workspace;
  const paths = buildPaths(project, options.docxCharts ? { docxCharts: options.docxCharts } : {});
  const settings = editionSettings(paths, options.date ?? settingsDate(project));
  const outputs = (options.langs ?? ['zh-en']).flatMap((lang) => (options.formats ?? [...FORMATS]).map((format) => ({ lang, format })));
  const preview = options.preview === true || (options.outDir !== undefined && resolve(options.outDir) !== resolve(project.outDir));
  // In this thread, one document after another.
  const run: JobRunner = async (jobs) => {
    const rendered: RenderedFile[][] = [];
    for (const job of jobs) rendered.push(job.render.length > 0 ? await renderJob(ws, job) : []);
    return rendered;
  };
  if (preview) {
    const [asked] = planEditions(ws, settings, readState(project.stateFile), [{ entry, outputs }]);
    const outDir = options.outDir ?? join(project.outDir, 'preview');
    // What the build would make: the next edition, or the current one where an update changes no file.
    const { planned: [planned], rendered: [next] } = await renderEditions([{ ...asked!, render: outputs }], settings, run, outDir);
    const files = next!.length > 0 ? next! : await renderJob(ws, jobOf({ ...planned!, render: outputs }, settings, outDir));
    writeFilesAtomically(files);
    return { planned: planned!, written: files.map((f) => f.path), files: [], archived: [], preview: true };
  }
  const release = acquireLock(project.outDir);
  try {
    const state = readState(project.stateFile);
    const { planned: [planned], rendered: [files] } = await renderEditions(planEditions(ws, settings, state, [{ entry, outputs }]), settings, run);
    const writes = editionWrites(settings, project.stateFile, state, [planned!], [files!]);
    if (JSON.stringify(writes.next.documents[entry.key]) !== JSON.stringify(state.documents[entry.key])) writeFilesAtomically(writes.files);
    return {
      planned: planned!, written: files!.map((f) => f.path), archived: writes.archived, preview: false,
      files: outputs.map((o) => join(project.outDir, fileNameOf(entry, o))),
    };
  } finally {
    release();
  }
}

/** A district's briefing through the edition writer (see publishDocument). */
export function publishBriefing(project: LoadedProject, options: BriefingOptions & PublishOptions): Promise<Publication> {
  const year = options.year ?? defaultYear(project.workspace.data, [options.district]);
  return publishDocument(project, briefingEntry(options.district, year), options);
}

/** A comparison memo through the edition writer (see publishDocument). */
export function publishComparison(project: LoadedProject, options: ComparisonOptions & PublishOptions): Promise<Publication> {
  const districts = options.districts ?? project.districts;
  if (!options.districts && districts.length < 2) throw new Error(say('fewDistricts'));
  const year = options.year ?? defaultYear(project.workspace.data, districts);
  return publishDocument(project, comparisonEntry(districts, year), options);
}

export { LANG_MODES, FORMATS, buildPaths, withWorkspace };
export type { LoadedProject };
export type { PlannedEdition, DocumentEntry };
