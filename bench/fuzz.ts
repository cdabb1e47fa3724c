// Fuzzer (`npm run fuzz -- --cases 10000`): mutated copies of the bundled data through validate and a sample of renders; reports crashes and hangs.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import type { FuzzCase, FuzzReply, FuzzSetup } from './fuzz-case.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WORKER = join(ROOT, 'dist', 'bench', 'fuzz-case.js');

const { values: options } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    'render-every': { type: 'string', default: '50' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    'timeout-s': { type: 'string', default: '120' },
    only: { type: 'string' },
  },
});
const cases = Number(options.cases);
const seed = Number(options.seed);
const renderEvery = Number(options['render-every']);
const timeoutMs = 1000 * Number(options['timeout-s']);

/** Every case has its own seed, so that `--only N` replays case N alone. */
const caseOf = (index: number): FuzzCase => ({ index, seed: (seed * 1_000_003 + index * 7919) >>> 0, render: renderEvery > 0 && index % renderEvery === 0 });

const dataFiles = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(csv|ya?ml|txt)$/.test(f)).sort();

/** A worker with its own scratch copy of the data; replaced when a case hangs or kills it. */
function startWorker(scratch: string, n: number): Worker {
  const dataDir = join(scratch, `data-${n}`);
  rmSync(dataDir, { recursive: true, force: true });
  cpSync(join(ROOT, 'data'), dataDir, { recursive: true });
  const setup: FuzzSetup = { dataDir, templatesDir: join(ROOT, 'templates'), fontsDir: join(ROOT, 'fonts'), files: dataFiles(dataDir) };
  return new Worker(WORKER, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: 3072 } });
}

async function main(): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'briefing-fuzz-'));
  const queue = options.only ? [caseOf(Number(options.only))] : Array.from({ length: cases }, (_, i) => caseOf(i));
  const counts = { valid: 0, diagnosed: 0, weak: 0, crash: 0, hang: 0, rendered: 0 };
  const problems: (FuzzReply | { index: number; outcome: 'hang'; detail: string })[] = [];
  const start = Date.now();
  let next = 0;
  let done = 0;
  const lane = (n: number) => new Promise<void>((finish) => {
    let worker = startWorker(scratch, n);
    const take = () => {
      if (next >= queue.length) return void worker.terminate().then(() => finish());
      const c = queue[next++]!;
      let settled = false;
      const settle = (r: FuzzReply | { index: number; outcome: 'hang'; detail: string }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', settle).off('error', died);
        if (r.outcome === 'hang') counts.hang++;
        else {
          counts[r.outcome]++;
          if (r.rendered) counts.rendered++;
        }
        if (r.outcome === 'crash' || r.outcome === 'hang' || r.outcome === 'weak') problems.push(r);
        if (++done % 500 === 0) process.stderr.write(`${done}/${queue.length} cases, ${((Date.now() - start) / 1000).toFixed(0)} s: ${counts.crash} crashes, ${counts.hang} hangs\n`);
        take();
      };
      const restart = (outcome: 'hang' | 'crash', detail: string) => {
        worker.off('message', settle).off('error', died);
        void worker.terminate();
        worker = startWorker(scratch, n);
        settle(outcome === 'hang' ? { index: c.index, outcome, detail } : { index: c.index, outcome, rendered: c.render, file: '?', mutations: [], detail });
      };
      const died = (e: Error) => restart('crash', `worker died: ${e.message}`);
      const timer = setTimeout(() => restart('hang', `no answer within ${timeoutMs / 1000} s`), timeoutMs);
      worker.on('message', settle).on('error', died);
      worker.postMessage(c);
    };
    take();
  });
  await Promise.all(Array.from({ length: Math.max(1, Number(options.jobs)) }, (_, n) => lane(n)));
  rmSync(scratch, { recursive: true, force: true });

  const seconds = (Date.now() - start) / 1000;
  const summary = { cases: queue.length, seed, seconds: Math.round(seconds), ...counts, problems };
  mkdirSync(join(ROOT, 'output'), { recursive: true });
  writeFileSync(join(ROOT, 'output', 'fuzz.json'), `${JSON.stringify(summary, null, 1)}\n`);
  for (const p of problems.slice(0, 20)) {
    const what = 'file' in p ? ` ${p.file} [${p.mutations.join(', ')}]` : '';
    process.stdout.write(`case ${p.index} ${p.outcome}${what}: ${p.detail ?? ''}\n`.slice(0, 2000));
  }
  process.stdout.write(
    `${queue.length} cases (seed ${seed}) in ${seconds.toFixed(0)} s: ${counts.valid} valid, ${counts.diagnosed} refused with a diagnostic, ` +
    `${counts.weak} refused without naming a file, ${counts.crash} crashes, ${counts.hang} hangs; ${counts.rendered} rendered. Details: output/fuzz.json\n`,
  );
  return counts.crash + counts.hang > 0 ? 1 : 0;
}

process.exitCode = await main();
