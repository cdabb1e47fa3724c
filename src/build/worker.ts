// A build worker: renders one planned document per message, loading the workspace once.
import { parentPort } from 'node:worker_threads';
import { loadDataset } from '../data/load.js';
import { DiagnosticError } from '../diagnostics.js';
import { loadFonts } from '../fonts/fonts.js';
import { loadStyle } from '../project/style-settings.js';
import { familiesOf } from '../render/style.js';
import { briefingPlan, comparisonPlan, renderPlan, type Workspace } from '../pipeline.js';
import type { Job } from './build.js';

let ws: Workspace | undefined;

parentPort!.on('message', async (job: Job) => {
  try {
    const style = loadStyle(job.stylesFile);
    ws ??= { data: loadDataset(job.dataDir), fonts: loadFonts(job.fontsDir, familiesOf(style)), templatesDir: job.templatesDir, style };
    const request = { ...job.request, langs: job.langs, formats: job.formats, outDir: job.outDir };
    const plan = job.entry.kind === 'briefing'
      ? briefingPlan(ws, { ...request, district: job.entry.district, year: job.entry.year })
      : comparisonPlan(ws, { ...request, districts: job.entry.districts, year: job.entry.year });
    const files = await renderPlan(ws, plan, job.langs, job.formats, job.outDir, job.docxCharts);
    parentPort!.postMessage({ ok: true, files });
  } catch (e) {
    parentPort!.postMessage({ ok: false, message: e instanceof DiagnosticError ? e.message : (e as Error).stack ?? String(e) });
  }
});
