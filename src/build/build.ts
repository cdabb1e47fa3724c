// `briefing build`: every document of the manifest, through the edition writer: only what changed is rendered again.
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, rmSync, statSync } from "node:fs";
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadDataset } from '../data/load.js';
import type { RenderedFile } from '../pipeline.js';
import type { BuildPaths } from './paths.js';
import { writeFilesAtomically } from '../write-atomic.js';
import { diagnostic, DiagnosticError } from '../diagnostics.js';
import { acquireLock } from './lock.js';
import { inputsStamp, writeStamp } from './stamp.js';
import { readManifest, type Manifest } from './manifest.js';
import { editionDate, editionWrites, fileNameOf, planEditions, renderEditions, type EditionSettings, type JobRunner, type PlannedEdition, type RenderJob } from '../publish/editions.js';
import { readState } from '../publish/state.js';
import { fontFiles } from '../fonts/font-files.js';
import { loadStyle } from '../project/style-settings.js';
import { familiesOf } from '../render/style.js';

/** What a build worker loads once, as it starts: where the workspace is. */
export interface WorkerSetup {
  dataDir: string;
  templatesDir: string;
  fontsDir: string;
  /** The style settings (styles.yaml), when the project has them. */
  stylesFile?: string;
  /** The bytes of the font files, by path, read once for all the workers. */
  fontBytes: Record<string, SharedArrayBuffer>;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

/** How the edition writer is set up for a project's build or single document. */
export function editionSettings(paths: BuildPaths, date?: string): EditionSettings {
  return {
    inputs: { dataDir: paths.dataDir, templatesDir: paths.templatesDir, fontsDir: paths.fontsDir, codeDir: paths.codeDir, ...(paths.stylesFile ? { stylesFile: paths.stylesFile } : {}) },
    outDir: paths.outDir,
    ...(date ? { date } : {}),
    docxCharts: paths.docxCharts ?? 'native',
    editionDate: editionDate(date),
  };
}

const requestsOf = (manifest: Manifest) => manifest.documents.map((entry) => ({
  entry, outputs: manifest.languages.flatMap((lang) => manifest.formats.map((format) => ({ lang, format }))),
}));

/**
 * What one document may take in a build worker; past either, the build stops with an error naming the document.
 * BRIEFING_DOCUMENT_TIMEOUT_S overrides the time limit.
 *
 * The heap limit also sets how much garbage a worker holds before V8 collects it: from a limit of 2,048 MB V8 lets a
 * heap grow to four times what it keeps, below it to at most twice (1.6 times at 1,024 MB). A worker keeps some 70 MB
 * between documents, so just under 2,048 MB takes some 150 MB off a build's peak for no time that shows; 1,024 MB would
 * take 50 MB more for a tenth more CPU time. With 10,000 extra projects in the data a worker keeps up to 200 MB.
 * A young generation of 24 MB (V8 takes 48) costs no time here; at 12 MB scavenges take twice as long.
 */
export const JOB_LIMITS = { timeoutMs: 1000 * (Number(process.env.BRIEFING_DOCUMENT_TIMEOUT_S) || 600), heapMb: 2000, youngMb: 24 };

/** A file's bytes in memory that threads share. */
function readShared(path: string): SharedArrayBuffer {
  const fd = openSync(path, 'r');
  try {
    const shared = new SharedArrayBuffer(fstatSync(fd).size);
    const bytes = Buffer.from(shared);
    for (let at = 0; at < bytes.length;) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) throw new Error(`${path} shrank while it was read`);
      at += n;
    }
    return shared;
  } finally {
    closeSync(fd);
  }
}

/**
 * The font files the workers load (some 20 MB), read once for all of them; a file that cannot be read here is left to
 * the workers, which say why.
 */
function sharedFontBytes(paths: BuildPaths): Record<string, SharedArrayBuffer> {
  let files: string[];
  try {
    files = fontFiles(paths.fontsDir, familiesOf(loadStyle(paths.stylesFile)));
  } catch {
    return {};
  }
  return Object.fromEntries(files.flatMap((f) => {
    try {
      return [[f, readShared(f)] as const];
    } catch {
      return [];
    }
  }));
}

/** Worker threads, one per core, started before the build plans, so that they load the workspace while it does. */
function startWorkers(paths: BuildPaths): Worker[] {
  const workerFile = join(dirname(fileURLToPath(import.meta.url)), 'worker.js');
  const setup: WorkerSetup = {
    dataDir: paths.dataDir, templatesDir: paths.templatesDir, fontsDir: paths.fontsDir, ...(paths.stylesFile ? { stylesFile: paths.stylesFile } : {}),
    fontBytes: sharedFontBytes(paths),
  };
  return Array.from({ length: availableParallelism() }, () => new Worker(workerFile, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: JOB_LIMITS.heapMb, maxYoungGenerationSizeMb: JOB_LIMITS.youngMb } }));
}

/** Runs jobs on the workers, each taking the next job when it is done with one. */
async function runJobs(workers: Worker[], jobs: RenderJob[], onDone: (job: RenderJob, index: number) => void): Promise<RenderedFile[][]> {
  const results: RenderedFile[][] = new Array(jobs.length);
  let nextJob = 0;
  let done = 0;
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
        results[index] = reply.files.map((f) => ({ path: f.path, data: Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength) }));
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
  return results;
}

/** A job's rough size: the values its document shows, twice in both languages, times the formats it renders. */
const jobSize = (p: PlannedEdition, lang: string) =>
  Object.keys(p.next.dependencies.values).length * (lang === 'zh-en' ? 2 : 1) * p.render.filter((o) => o.lang === lang).length;

export interface BuildResult {
  planned: PlannedEdition[];
  /** Archive copies of the editions replaced. */
  archived: string[];
  /** Each document's files, by its key, relative to the output folder. */
  files: Record<string, string[]>;
}

/** One line per document: its edition and why it was (or was not) rendered. */
export function planLine(p: PlannedEdition): string {
  const n = p.verdict.changes.length;
  const why = p.verdict.why;
  const whyWords = `${why.slice(0, 3).join('; ')}${why.length > 3 ? `; ${why.length - 3} more` : ''}`;
  const update = p.reason === 'update' ? ` (${whyWords})` : p.verdict.kind === 'update' ? ` (${whyWords}: the same files)` : '';
  return `${p.entry.key} edition ${p.edition.edition}: ${p.reason}${n ? `, ${n} figure(s) corrected` : ''}${update}`;
}

/** Builds what changed; writes the archive of replaced editions, the outputs and the state together at the end. */
export async function build(paths: BuildPaths, log: (line: string) => void): Promise<BuildResult> {
  // Taken before anything is read: a file changed while the build runs makes the next build look again.
  const inputs = inputsStamp(paths);
  const workers = startWorkers(paths);
  try {
    return await buildWith(workers, paths, inputs, log);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

async function buildWith(workers: Worker[], paths: BuildPaths, inputs: string, log: (line: string) => void): Promise<BuildResult> {
  const data = loadDataset(paths.dataDir);
  const manifest = readManifest(paths.manifest);
  const release = acquireLock(paths.outDir);
  try {
    // Holding the lock, no other build is writing here: temporary files are leftovers of a killed build.
    for (const f of filesUnder(paths.outDir)) if (/^\..+\.\d+\.tmp$/.test(basename(f))) rmSync(f, { force: true });
    if (existsSync(dirname(paths.state))) for (const f of readdirSync(dirname(paths.state))) if (f.startsWith(`.${basename(paths.state)}.`) && f.endsWith('.tmp')) rmSync(join(dirname(paths.state), f), { force: true });
    const state = readState(paths.state);
    const settings = editionSettings(paths, manifest.date);
    let planned = planEditions({ data }, settings, state, requestsOf(manifest));
    const rendering = planned.filter((p) => p.render.length > 0);
    if (manifest.documents.length === 0) log('briefing.yaml lists no documents yet: add a district and year (or a comparison) under documents:, once the data holds their values');
    log(`${manifest.documents.length} documents: ${rendering.length} to build, ${planned.length - rendering.length} unchanged (${availableParallelism()} cores)`);
    const plans = new Map(planned.map((p) => [p.entry.key, p]));
    const byKey = (key: string) => plans.get(key)!;
    // One job per document and language, so that the workers share a large document's files; the largest first, so
    // that no worker is left with a long one at the end while the other waits.
    const run: JobRunner = async (documentJobs) => {
      const parts = documentJobs.flatMap((job, d) => [...new Set(job.render.map((o) => o.lang))].map((lang) => ({ d, job: { ...job, render: job.render.filter((o) => o.lang === lang) } })))
        .sort((a, b) => jobSize(byKey(b.job.entry.key), b.job.render[0]!.lang) - jobSize(byKey(a.job.entry.key), a.job.render[0]!.lang));
      const line = (job: RenderJob) => (job.edition.edition === byKey(job.entry.key).edition.edition ? planLine(byKey(job.entry.key)) : `${job.entry.key}: an update, rendered as edition ${job.edition.edition} to compare`);
      const results = await runJobs(workers, parts.map((part) => part.job), (job, n) => log(`[${n}/${parts.length}] ${line(job)} (${job.render[0]!.lang})`));
      return documentJobs.map((_, d) => parts.flatMap((part, i) => (part.d === d ? results[i]! : [])));
    };
    const outcome = await renderEditions(planned, settings, run);
    planned = outcome.planned;
    const writes = editionWrites(settings, paths.state, state, planned, outcome.rendered);
    writeFilesAtomically(writes.files);
    for (const p of planned.filter((d) => d.render.length === 0)) log(`skipped ${planLine(p)}`);
    if (writes.archived.length > 0) log(`previous editions kept in ${relative(process.cwd(), join(paths.outDir, 'archive')) || join(paths.outDir, 'archive')} (${writes.archived.length} files)`);
    const files = Object.fromEntries(planned.map((p) => [p.entry.key, Object.keys(writes.next.documents[p.entry.key]?.files ?? {})]));
    writeStamp(paths, inputs, planned.map((p) => ({ key: p.entry.key, edition: p.edition.edition, files: files[p.entry.key]! })));
    return { planned, archived: writes.archived, files };
  } finally {
    release();
  }
}

/** What changed for each document since its current edition, without building. */
export function dataDiff(paths: BuildPaths): { planned: PlannedEdition[]; indicatorName: (id: string) => string } {
  const data = loadDataset(paths.dataDir);
  const manifest = readManifest(paths.manifest);
  const planned = planEditions({ data }, editionSettings(paths, manifest.date), readState(paths.state), requestsOf(manifest));
  return { planned, indicatorName: (id) => data.indicators.get(id)?.name.en ?? id };
}

export { fileNameOf };
