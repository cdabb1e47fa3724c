// A build worker: loads the workspace as it starts, then renders one planned document per message.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { loadDataset } from '../data/load.js';
import { DiagnosticError } from '../diagnostics.js';
import { loadFonts } from '../fonts/fonts.js';
import type { Workspace } from '../pipeline.js';
import { loadStyle } from '../project/style-settings.js';
import { renderJob, type RenderJob } from '../publish/editions.js';
import { familiesOf } from '../render/style.js';
import type { WorkerSetup } from './build.js';

/** The workspace, or why it could not be loaded (the build has said so too, having loaded it first). */
function load(setup: WorkerSetup): Workspace | Error {
  try {
    const style = loadStyle(setup.stylesFile);
    const read = (path: string) => (setup.fontBytes[path] ? Buffer.from(setup.fontBytes[path]) : readFileSync(path));
    return { data: loadDataset(setup.dataDir), fonts: loadFonts(setup.fontsDir, familiesOf(style), read), templatesDir: setup.templatesDir, style };
  } catch (e) {
    return e as Error;
  }
}

const ws = load(workerData as WorkerSetup);

parentPort!.on('message', async (job: RenderJob) => {
  try {
    if (ws instanceof Error) throw ws;
    parentPort!.postMessage({ ok: true, files: await renderJob(ws, job) });
  } catch (e) {
    parentPort!.postMessage({ ok: false, message: e instanceof DiagnosticError ? e.message : (e as Error).stack ?? String(e) });
  }
});
