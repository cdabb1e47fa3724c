// `briefing watch`: build, then build again whenever data/, templates/ or the manifest change.
import { watch } from 'node:fs';
import { DiagnosticError, formatDiagnostic } from '../diagnostics.js';
import { build } from './build.js';
import type { BuildPaths } from './paths.js';

export async function watchAndBuild(paths: BuildPaths, log: (line: string) => void): Promise<void> {
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await build(paths, log);
    } catch (e) {
      // A broken edit is reported and the previous outputs stay; the next save builds again.
      if (e instanceof DiagnosticError) for (const d of e.diagnostics) log(formatDiagnostic(d));
      else log(`build failed: ${(e as Error).message}`);
    } finally {
      running = false;
      if (again) {
        again = false;
        void run();
      }
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 300);
  };
  for (const target of [paths.dataDir, paths.templatesDir]) watch(target, { recursive: true }, schedule);
  watch(paths.manifest, schedule);
  log(`watching ${paths.dataDir}, ${paths.templatesDir} and ${paths.manifest}`);
  await run();
  await new Promise(() => {});
}
