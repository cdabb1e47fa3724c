// `briefing build`: every document of the manifest, rebuilding only what changed, with revisions and corrections.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LangMode } from '../compose/compose.js';
import { loadDataset } from '../data/load.js';
import type { Dataset } from '../data/types.js';
import { briefingFileName, comparisonFileName, type Format, type RenderedFile } from '../pipeline.js';
import type { DocxCharts } from '../render/docx.js';
import { writeFilesAtomically } from '../write-atomic.js';
import { diagnostic, DiagnosticError } from '../diagnostics.js';
import { outputPath } from '../contained-path.js';
import { acquireLock } from './lock.js';
import { readManifest, type DocumentEntry, type Manifest } from './manifest.js';
import { dataSlice, diffSlices, sha256, type Change } from './slice.js';
import { readState, serialiseState, type BuildState, type Correction } from './state.js';

export interface BuildPaths {
  manifest: string;
  state: string;
  outDir: string;
  dataDir: string;
  templatesDir: string;
  fontsDir: string;
  /** The style settings (styles.yaml), when the project has them. */
  stylesFile?: string;
  /** The compiled code, fingerprinted as the tool's version. */
  codeDir: string;
  /** How DOCX files show charts (a render setting; changing it rebuilds). */
  docxCharts?: DocxCharts;
}

export interface Job {
  entry: DocumentEntry;
  request: { date?: string; revision: number; corrections: Correction[] };
  langs: LangMode[];
  formats: Format[];
  outDir: string;
  dataDir: string;
  templatesDir: string;
  fontsDir: string;
  stylesFile?: string;
  docxCharts: DocxCharts;
}

export type Reason = 'new' | 'data changed' | 'templates, fonts, catalogue, tool or settings changed' | 'output missing' | 'unchanged';

export interface PlannedDocument {
  entry: DocumentEntry;
  reason: Reason;
  revision: number;
  changes: Change[];
  files: string[];
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

/** Fingerprint of everything but the data slices: templates, fonts, catalogue files, compiled code, settings. */
function commonFingerprint(paths: BuildPaths, manifest: Manifest): string {
  const data = ['documents.yaml', 'districts.yaml', 'units.yaml', 'phrases.yaml', 'indicators.yaml'].map((f) => join(paths.dataDir, f));
  const files = [...filesUnder(paths.templatesDir), ...filesUnder(paths.fontsDir), ...(paths.stylesFile ? [paths.stylesFile] : []), ...filesUnder(join(paths.dataDir, 'indicators')), ...data, ...filesUnder(paths.codeDir)]
    .filter((f) => existsSync(f) && !f.endsWith('.map'));
  const parts = files.map((f) => `${basename(f)}:${sha256(readFileSync(f))}`);
  return sha256([...parts, JSON.stringify({ languages: manifest.languages, formats: manifest.formats, date: manifest.date ?? process.env.SOURCE_DATE_EPOCH ?? '', docxCharts: paths.docxCharts ?? 'native' })].join('\n'));
}

const districtsOf = (e: DocumentEntry) => (e.kind === 'briefing' ? [e.district] : e.districts);
const fileNamesOf = (e: DocumentEntry, manifest: Manifest) =>
  manifest.languages.flatMap((lang) => manifest.formats.map((format) =>
    e.kind === 'briefing' ? briefingFileName(e.district, e.year, lang, format) : comparisonFileName(e.districts, e.year, lang, format)));

/** The date corrections carry: the manifest's, else SOURCE_DATE_EPOCH, else today. */
function correctionDate(manifest: Manifest): string {
  if (manifest.date) return manifest.date;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return (epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date()).toISOString().slice(0, 10);
}

/** Decides, per document, whether it is rebuilt and why, and the state it will have after. */
export function planBuild(data: Dataset, manifest: Manifest, state: BuildState, paths: BuildPaths): { planned: PlannedDocument[]; next: BuildState; jobs: Job[] } {
  const common = commonFingerprint(paths, manifest);
  const next: BuildState = { version: 1, documents: { ...state.documents } };
  const planned: PlannedDocument[] = [];
  const jobs: Job[] = [];
  for (const entry of manifest.documents) {
    const slice = dataSlice(data, districtsOf(entry), entry.kind === 'briefing' ? entry.year : undefined);
    const dataHash = sha256(JSON.stringify(slice));
    const inputs = sha256(`${common}\n${dataHash}`);
    const files = fileNamesOf(entry, manifest);
    const previous = state.documents[entry.key];
    const missing = files.some((f) => !existsSync(outputPath(paths.outDir, f)));
    let reason: Reason;
    let revision = previous?.revision ?? 1;
    let corrections = previous?.corrections ?? [];
    let changes: Change[] = [];
    if (!previous) reason = 'new';
    else if (previous.data !== dataHash) {
      reason = 'data changed';
      revision = previous.revision + 1;
      changes = diffSlices(previous.values, slice.values);
      corrections = [...corrections, { revision, date: correctionDate(manifest), changes }];
    } else if (previous.inputs !== inputs) reason = 'templates, fonts, catalogue, tool or settings changed';
    else if (missing) reason = 'output missing';
    else reason = 'unchanged';
    planned.push({ entry, reason, revision, changes, files });
    if (reason === 'unchanged') continue;
    next.documents[entry.key] = { revision, inputs, data: dataHash, values: slice.values, files, corrections };
    jobs.push({
      entry, request: { ...(manifest.date ? { date: manifest.date } : {}), revision, corrections },
      langs: manifest.languages, formats: manifest.formats,
      outDir: paths.outDir, dataDir: paths.dataDir, templatesDir: paths.templatesDir, fontsDir: paths.fontsDir, ...(paths.stylesFile ? { stylesFile: paths.stylesFile } : {}), docxCharts: paths.docxCharts ?? 'native',
    });
  }
  return { planned, next, jobs };
}

/**
 * What one document may take in a build worker; past either, the build stops with an error naming the document.
 * BRIEFING_DOCUMENT_TIMEOUT_S overrides the time limit.
 */
export const JOB_LIMITS = { timeoutMs: 1000 * (Number(process.env.BRIEFING_DOCUMENT_TIMEOUT_S) || 600), heapMb: 2048 };

/** Runs jobs on a pool of worker threads, one per core. */
async function runJobs(jobs: Job[], onDone: (job: Job, index: number) => void): Promise<RenderedFile[][]> {
  const results: RenderedFile[][] = new Array(jobs.length);
  const workerFile = join(dirname(fileURLToPath(import.meta.url)), 'worker.js');
  const size = Math.max(1, Math.min(availableParallelism(), jobs.length));
  let nextJob = 0;
  let done = 0;
  const workers = Array.from({ length: size }, () => new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: JOB_LIMITS.heapMb } }));
  try {
    await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
      let current: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      const take = () => {
        if (nextJob >= jobs.length) return resolve();
        const index = nextJob++;
        current = index;
        timer = setTimeout(() => {
          reject(new DiagnosticError([diagnostic('error', 'documentTimeout', undefined, jobs[index]!.entry.key, JOB_LIMITS.timeoutMs / 1000)]));
          void worker.terminate();
        }, JOB_LIMITS.timeoutMs);
        worker.once('message', (reply: { ok: true; files: { path: string; data: Uint8Array }[] } | { ok: false; message: string }) => {
          clearTimeout(timer);
          if (!reply.ok) return reject(new Error(`${jobs[index]!.entry.key}: ${reply.message}`));
          results[index] = reply.files.map((f) => ({ path: f.path, data: Buffer.from(f.data) }));
          onDone(jobs[index]!, ++done);
          take();
        });
        worker.postMessage(jobs[index]);
      };
      worker.once('error', (e: Error & { code?: string }) => {
        clearTimeout(timer);
        const key = current === undefined ? 'a document' : jobs[current]!.entry.key;
        reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new DiagnosticError([diagnostic('error', 'documentOutOfMemory', undefined, key, JOB_LIMITS.heapMb)])
          : new Error(`${key}: ${e.message}`));
      });
      take();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

export interface BuildResult {
  planned: PlannedDocument[];
}

/** Builds what changed; writes the outputs, the archive of previous revisions and the state together at the end. */
export async function build(paths: BuildPaths, log: (line: string) => void): Promise<BuildResult> {
  const data = loadDataset(paths.dataDir);
  const manifest = readManifest(paths.manifest);
  const release = acquireLock(paths.outDir);
  try {
    // Holding the lock, no other build is writing here: temporary files are leftovers of a killed build.
    for (const f of filesUnder(paths.outDir)) if (/^\..+\.\d+\.tmp$/.test(basename(f))) rmSync(f, { force: true });
    const state = readState(paths.state);
    const { planned, next, jobs } = planBuild(data, manifest, state, paths);
    log(`${manifest.documents.length} documents: ${jobs.length} to build, ${planned.length - jobs.length} unchanged (${availableParallelism()} cores)`);
    const rendered = await runJobs(jobs, (job, n) => {
      const p = planned.find((d) => d.entry.key === job.entry.key)!;
      log(`[${n}/${jobs.length}] ${job.entry.key} r${p.revision}: ${p.reason}${p.changes.length ? `, ${p.changes.length} value(s) corrected` : ''}`);
    });
    // Previous revisions of documents whose data changed are kept in output/archive.
    const archive: RenderedFile[] = planned
      .filter((p) => p.reason === 'data changed')
      .flatMap((p) => state.documents[p.entry.key]!.files
        .filter((f) => existsSync(outputPath(paths.outDir, f)))
        .map((f) => {
          const ext = extname(f);
          return { path: outputPath(paths.outDir, join('archive', `${basename(f, ext)}.r${state.documents[p.entry.key]!.revision}${ext}`)), data: readFileSync(outputPath(paths.outDir, f)) };
        }));
    writeFilesAtomically([...archive, ...rendered.flat(), { path: paths.state, data: Buffer.from(serialiseState(next)) }]);
    for (const p of planned.filter((d) => d.reason === 'unchanged')) log(`skipped ${p.entry.key} r${p.revision}: unchanged`);
    return { planned };
  } finally {
    release();
  }
}

/** What changed in each document's data since the last build, without building. */
export function dataDiff(paths: BuildPaths): { key: string; changes: Change[]; isNew: boolean }[] {
  const data = loadDataset(paths.dataDir);
  const manifest = readManifest(paths.manifest);
  const state = readState(paths.state);
  return manifest.documents.map((entry) => {
    const previous = state.documents[entry.key];
    const slice = dataSlice(data, districtsOf(entry), entry.kind === 'briefing' ? entry.year : undefined);
    return { key: entry.key, isNew: !previous, changes: previous ? diffSlices(previous.values, slice.values) : [] };
  });
}

