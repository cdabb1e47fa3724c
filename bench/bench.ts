// Benchmark: per-stage timings and output sizes of the Wanzhou 2024 briefing, cold (first run) and warm.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { analyseBriefing } from '../src/analyse/briefing.js';
import { briefingCharts } from '../src/charts/specs.js';
import { renderChart, type RenderedChart } from '../src/charts/render-chart.js';
import { composeBriefing, type LangMode } from '../src/compose/compose.js';
import { loadMessages, message } from '../src/compose/messages-i18n.js';
import { loadDataset } from '../src/data/load.js';
import { loadFonts } from '../src/fonts/fonts.js';
import { renderDocx } from '../src/render/docx.js';
import { pdfDefinition, renderPdf } from '../src/render/pdf.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MODE: LangMode = 'zh-en';

async function once(): Promise<{ times: Record<string, number>; sizes: Record<string, number> }> {
  const times: Record<string, number> = {};
  const time = async <T>(stage: string, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    times[stage] = performance.now() - start;
    return result;
  };
  const data = await time('load', () => loadDataset(join(ROOT, 'data')));
  const fonts = await time('fonts', () => loadFonts(join(ROOT, 'fonts')));
  const report = await time('analyse', () => analyseBriefing(data, 'wanzhou', 2024, ['dadukou', 'fuling']));
  const templatesDir = join(ROOT, 'templates');
  const ir = await time('compose', () => composeBriefing(report, MODE, { templatesDir, date: '2025-01-13', revision: 1 }));
  const messages = { zh: loadMessages(templatesDir, 'zh'), en: loadMessages(templatesDir, 'en') };
  const charts = await time('charts', async () => {
    const out = new Map<string, RenderedChart>();
    for (const [id, spec] of briefingCharts(report, MODE, messages)) out.set(id, await renderChart(spec, fonts));
    return out;
  });
  const pageLabel = `${message(messages.zh, 'page', 'zh')} / ${message(messages.en, 'page', 'en')}`;
  const pdf = await time('pdf', () => renderPdf(pdfDefinition({ ir, charts, pageLabel }), fonts));
  const docx = await time('docx', () => renderDocx({ ir, charts, pageLabel }, fonts));
  return { times, sizes: { pdf: pdf.length, docx: docx.length } };
}

const cold = await once();
const warmRuns = [await once(), await once(), await once()];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1).padStart(8)} ms`;
console.log(`Wanzhou 2024 briefing, ${MODE}, Node ${process.version}`);
console.log(`${'stage'.padEnd(10)}${'cold'.padStart(11)}${'warm (median of 3)'.padStart(22)}`);
for (const stage of Object.keys(cold.times)) {
  console.log(`${stage.padEnd(10)}${ms(cold.times[stage]!)}${ms(median(warmRuns.map((r) => r.times[stage]!))).padStart(22)}`);
}
const total = (t: Record<string, number>) => Object.values(t).reduce((a, b) => a + b, 0);
console.log(`${'total'.padEnd(10)}${ms(total(cold.times))}${ms(median(warmRuns.map((r) => total(r.times)))).padStart(22)}`);
console.log(`sizes: PDF ${(cold.sizes.pdf! / 1024).toFixed(0)} KiB, DOCX ${(cold.sizes.docx! / 1024).toFixed(0)} KiB`);

// The build: from clean, a no-op rebuild, and a rebuild after a one-value correction.
{
  const { build } = await import('../src/build/build.js');
  const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
  const paths = {
    manifest: join(ROOT, 'manifest.yaml'), state: join(dir, 'state.json'), outDir: join(dir, 'out'), dataDir: join(dir, 'data'),
    templatesDir: join(ROOT, 'templates'), fontsDir: join(ROOT, 'fonts'), codeDir: join(ROOT, 'dist', 'src'),
  };
  const timed = async (label: string) => {
    const start = performance.now();
    const { planned } = await build(paths, () => {});
    const ms = performance.now() - start;
    const built = planned.filter((p) => p.reason !== 'unchanged').length;
    console.log(`${label.padEnd(28)}${ms.toFixed(0).padStart(7)} ms  ${built}/${planned.length} documents built${built ? `, ${(ms / built).toFixed(0)} ms per document` : ''}`);
  };
  console.log('\nbuild (manifest.yaml: every language and format)');
  await timed('full build from clean');
  await timed('no-op rebuild');
  const csv = join(dir, 'data', 'observations', 'dadukou-2024.csv');
  writeFileSync(csv, readFileSync(csv, 'utf8').replace(/^(dadukou,2024,gdp_growth,result,)5\.8%,,(.*),$/m, '$15.9%,revised,$2,bench correction'));
  await timed('after a one-value correction');
}
