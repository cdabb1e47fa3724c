// A build worker: renders one planned document per message, loading the workspace once.
import { parentPort } from 'node:worker_threads';
import { loadDataset } from '../data/load.js';
import { DiagnosticError } from '../diagnostics.js';
import { loadFonts } from '../fonts/fonts.js';
import type { Workspace } from '../pipeline.js';
import { loadStyle } from '../project/style-settings.js';
import { renderJob } from '../publish/editions.js';
import { familiesOf } from '../render/style.js';
import type { Job } from './build.js';

let ws: Workspace | undefined;

parentPort!.on('message', async (message: Job) => {
  try {
    if (!ws) {
      const style = loadStyle(message.stylesFile);
      ws = { data: loadDataset(message.dataDir), fonts: loadFonts(message.fontsDir, familiesOf(style)), templatesDir: message.templatesDir, style };
    }
    parentPort!.postMessage({ ok: true, files: await renderJob(ws, message.job) });
  } catch (e) {
    parentPort!.postMessage({ ok: false, message: e instanceof DiagnosticError ? e.message : (e as Error).stack ?? String(e) });
  }
});
