// One fuzz worker: mutates its own copy of the data, validates it, renders a sample, and says how each case ended.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { unzipSync, strFromU8 } from 'fflate';
import { readDataset } from '../src/data/load.js';
import { DiagnosticError, hasErrors } from '../src/diagnostics.js';
import { loadFonts } from '../src/fonts/fonts.js';
import { validateDataset } from '../src/cli/validate.js';
import { briefingPlan, comparisonPlan, renderPlan, yearsWithData, type RenderedFile, type Workspace } from '../src/pipeline.js';
import type { LangMode } from '../src/compose/compose.js';
import { int, mutate, pick, random } from './fuzz-mutations.js';

export interface FuzzSetup {
  dataDir: string;
  templatesDir: string;
  fontsDir: string;
  /** Data files (relative to dataDir) the mutations pick from. */
  files: string[];
}

export interface FuzzCase {
  index: number;
  seed: number;
  render: boolean;
}

/** valid: no errors; diagnosed: refused with diagnostics that name a file; weak: refused without naming one; crash: anything else. */
export type Outcome = 'valid' | 'diagnosed' | 'weak' | 'crash';

export interface FuzzReply {
  index: number;
  outcome: Outcome;
  rendered: boolean;
  file: string;
  mutations: string[];
  detail?: string;
}

/** Codes that refuse a request the data cannot answer (no shared indicator, no data for the year): a message, not a crash. */
const REQUEST_REFUSALS = new Set(['unknownDistrictArg', 'noDataForYear', 'tooFewDistricts', 'noSharedIndicator']);

const setup = workerData as FuzzSetup;
const fonts = loadFonts(setup.fontsDir);
const originals = new Map(setup.files.map((f) => [f, readFileSync(join(setup.dataDir, f), 'utf8')]));

/** A PDF that a reader can open starts with its header and ends with its trailer; a DOCX is a zip with a whole document.xml. */
function checkFile(file: RenderedFile): string | undefined {
  if (file.path.endsWith('.pdf')) {
    const head = file.data.subarray(0, 5).toString('latin1');
    const tail = file.data.subarray(-32).toString('latin1');
    return head === '%PDF-' && tail.includes('%%EOF') ? undefined : `${file.path}: not a whole PDF`;
  }
  const xml = strFromU8(unzipSync(file.data)['word/document.xml'] ?? new Uint8Array());
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml)) return `${file.path}: a control character in document.xml`;
  return xml.trimEnd().endsWith('</w:document>') ? undefined : `${file.path}: document.xml is not whole`;
}

/** Renders one briefing (or, now and then, a memo) of data that validated; any failure here is a crash. */
async function renderSample(ws: Workspace, rng: () => number): Promise<string | undefined> {
  const districts = [...ws.data.districts.keys()].filter((d) => yearsWithData(ws.data, d).length > 0);
  if (districts.length === 0) return undefined;
  const district = pick(rng, districts);
  const year = pick(rng, yearsWithData(ws.data, district));
  const langs: LangMode[] = [pick(rng, ['zh', 'en', 'zh-en'] as const)];
  const request = { year, langs, formats: ['pdf', 'docx'] as const, outDir: '/fuzz-output' };
  const peers = districts.filter((d) => yearsWithData(ws.data, d).includes(year));
  const memo = peers.length >= 2 && int(rng, 4) === 0;
  const plan = memo ? comparisonPlan(ws, { ...request, formats: [...request.formats], districts: peers }) : briefingPlan(ws, { ...request, formats: [...request.formats], district });
  const files = await renderPlan(ws, plan, langs, [...request.formats], request.outDir);
  return files.map(checkFile).find((p) => p !== undefined);
}

async function run(c: FuzzCase): Promise<FuzzReply> {
  const rng = random(c.seed);
  const file = pick(rng, setup.files);
  const { data, names } = mutate(originals.get(file)!, rng);
  const path = join(setup.dataDir, file);
  writeFileSync(path, data);
  const reply = (outcome: Outcome, rendered: boolean, detail?: string): FuzzReply => ({ index: c.index, outcome, rendered, file, mutations: names, ...(detail ? { detail } : {}) });
  try {
    let ws: Workspace;
    try {
      ws = { data: readDataset(setup.dataDir), fonts, templatesDir: setup.templatesDir };
    } catch (e) {
      if (!(e instanceof DiagnosticError)) return reply('crash', false, `validate: ${(e as Error).stack}`);
      return reply(e.diagnostics.every((d) => d.place?.file) ? 'diagnosed' : 'weak', false, e.message.slice(0, 300));
    }
    const problems = validateDataset(ws);
    if (hasErrors(problems)) return reply(problems.every((d) => d.place?.file) ? 'diagnosed' : 'weak', false);
    if (!c.render) return reply('valid', false);
    try {
      const broken = await renderSample(ws, rng);
      return broken ? reply('crash', true, broken) : reply('valid', true);
    } catch (e) {
      if (e instanceof DiagnosticError && e.diagnostics.every((d) => REQUEST_REFUSALS.has(d.code))) return reply('valid', true);
      return reply('crash', true, `render of data that validated: ${e instanceof DiagnosticError ? e.message : (e as Error).stack}`);
    }
  } finally {
    writeFileSync(path, originals.get(file)!);
  }
}

parentPort!.on('message', (c: FuzzCase) => {
  void run(c).then((r) => parentPort!.postMessage(r));
});
