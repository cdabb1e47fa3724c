// The briefing command line: parses arguments and runs the commands.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { loadDataset } from '../data/load.js';
import { DiagnosticError, formatDiagnostic } from '../diagnostics.js';
import { loadFonts } from '../fonts/fonts.js';
import { LANG_MODES, type LangMode } from '../compose/compose.js';
import { briefingPlan, comparisonPlan, FORMATS, renderPlan, type DocumentPlan, type DocumentRequest, type Format, type Workspace } from '../pipeline.js';
import { writeFilesAtomically } from '../write-atomic.js';
import { DOCX_CHARTS, type DocxCharts } from '../render/docx.js';
import { validateDataset } from './validate.js';
import { build, dataDiff, type BuildPaths } from '../build/build.js';
import { watchAndBuild } from '../build/watch.js';
import { dataQuality } from '../analyse/data-quality.js';
import { qualityReport } from './quality-report.js';
import { IMPORT_FORMATS, runImport } from '../import/command.js';
import { observationRows, OBSERVATION_EXPORT_COLUMNS, projectRows, PROJECT_EXPORT_COLUMNS, toCsv, toJson } from '../export.js';

/** The project folder: data/, templates/ and fonts/ default to the ones beside the code. */
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Accepts repeated options and comma lists: --lang zh --lang en, --lang zh,en. */
function listOf<T extends string>(values: string[] | string | undefined, allowed: readonly T[], name: string): T[] {
  const list = [values ?? []].flat().flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const v of list) if (!allowed.includes(v as T)) throw new Error(`--${name} "${v}" is not one of: ${allowed.join(', ')}`);
  return [...new Set(list)] as T[];
}

interface Common {
  data: string;
  templates: string;
  fonts: string;
}

function workspace(args: Common): Workspace {
  return { data: loadDataset(resolve(args.data)), fonts: loadFonts(resolve(args.fonts)), templatesDir: resolve(args.templates) };
}

/** The options of a command that makes one document: year, languages, formats, folder, date. */
function documentOptions<T>(y: Argv<T>, year: string) {
  return y
    .option('year', { type: 'number', demandOption: true, describe: year })
    .option('lang', { type: 'string', array: true, default: ['zh-en'], describe: 'Language mode(s): zh, en, zh-en (repeat or comma-separate)' })
    .option('format', { type: 'string', array: true, default: ['pdf', 'docx'], describe: 'Output format(s): pdf, docx (repeat or comma-separate)' })
    .option('out', { type: 'string', default: 'output', describe: 'Output folder' })
    .option('date', { type: 'string', describe: "Date printed on the document (YYYY-MM-DD); default: SOURCE_DATE_EPOCH, else the newest source document's date" })
    .option('docx-charts', docxChartsOption);
}

const docxChartsOption = { choices: DOCX_CHARTS, default: 'native' as DocxCharts, describe: 'DOCX charts: native (editable Word charts with their data) or image (pictures)' } as const;

type DocumentArgs = Common & { year: number; lang: (string | number)[]; format: (string | number)[]; out: string; date?: string; docxCharts: DocxCharts };

/** Renders one planned document in the requested languages and formats, then writes all files at once. */
async function writeDocuments(args: DocumentArgs, plan: (ws: Workspace, request: DocumentRequest) => DocumentPlan): Promise<void> {
  const langs = listOf<LangMode>(args.lang.map(String), LANG_MODES, 'lang');
  const formats = listOf<Format>(args.format.map(String), FORMATS, 'format');
  if (args.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(args.date)) throw new Error(`--date "${args.date}" is not YYYY-MM-DD`);
  const ws = workspace(args);
  const request: DocumentRequest = { year: args.year, langs, formats, outDir: resolve(args.out), ...(args.date ? { date: args.date } : {}) };
  const files = await renderPlan(ws, plan(ws, request), langs, formats, request.outDir, args.docxCharts);
  writeFilesAtomically(files);
  for (const f of files) process.stdout.write(`${f.path}\n`);
}

function buildOptions<T>(y: Argv<T>) {
  return y
    .option('manifest', { type: 'string', default: join(PROJECT_ROOT, 'manifest.yaml'), defaultDescription: '<project>/manifest.yaml', describe: 'The documents to build' })
    .option('state', { type: 'string', default: join(PROJECT_ROOT, 'build-state.json'), defaultDescription: '<project>/build-state.json', describe: 'Build state: revisions, fingerprints, corrections (commit it)' })
    .option('out', { type: 'string', default: 'output', describe: 'Output folder' })
    .option('docx-charts', docxChartsOption);
}

function buildPaths(args: { manifest: string; state: string; out: string; data: string; templates: string; fonts: string; docxCharts: DocxCharts }): BuildPaths {
  return {
    manifest: resolve(args.manifest), state: resolve(args.state), outDir: resolve(args.out),
    dataDir: resolve(args.data), templatesDir: resolve(args.templates), fontsDir: resolve(args.fonts), codeDir: join(PROJECT_ROOT, 'dist', 'src'),
    docxCharts: args.docxCharts,
  };
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const run = (work: () => Promise<void> | void) => async () => {
    try {
      await work();
    } catch (e) {
      exitCode = 1;
      if (e instanceof DiagnosticError) for (const d of e.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      else process.stderr.write(`briefing: ${(e as Error).message}\n`);
    }
  };

  await yargs(hideBin(['node', 'briefing', ...argv]))
    .scriptName('briefing')
    .usage('$0 <command> [options]\n\nBilingual PDF and DOCX briefings from Chongqing district data.')
    .option('data', { type: 'string', default: join(PROJECT_ROOT, 'data'), defaultDescription: '<project>/data', describe: 'Folder of data files (see docs/data-format.md)' })
    .option('templates', { type: 'string', default: join(PROJECT_ROOT, 'templates'), defaultDescription: '<project>/templates', describe: 'Folder of briefing templates' })
    .option('fonts', { type: 'string', default: join(PROJECT_ROOT, 'fonts'), defaultDescription: '<project>/fonts', describe: 'Folder of the CJK fonts' })
    .command(
      'district <id>',
      "Build a district's annual briefing",
      (y) =>
        documentOptions(y.positional('id', { type: 'string', demandOption: true, describe: 'District id, e.g. wanzhou' }), 'The year the briefing reports on, e.g. 2024')
          .example('$0 district wanzhou --year 2024', 'zh-en PDF and DOCX in output/')
          .example('$0 district wanzhou --year 2024 --lang zh,en --format pdf', 'Chinese and English PDFs')
          .epilog('Files are named <district>-<year>-briefing.<lang>.<format>, e.g. wanzhou-2024-briefing.zh-en.pdf.'),
      (args) => run(() => writeDocuments(args, (ws, request) => briefingPlan(ws, { ...request, district: args.id as string })))(),
    )
    .command(
      'compare <ids..>',
      'Build a memo comparing two or more districts for one year',
      (y) =>
        documentOptions(y.positional('ids', { type: 'string', array: true, demandOption: true, describe: 'District ids, e.g. wanzhou dadukou fuling' }), 'The year compared, e.g. 2024')
          .example('$0 compare wanzhou dadukou fuling --year 2024', 'zh-en PDF and DOCX in output/')
          .epilog('Files are named compare-<district ids, sorted>-<year>.<lang>.<format>, e.g. compare-dadukou-fuling-wanzhou-2024.zh-en.pdf.'),
      (args) => run(() => writeDocuments(args, (ws, request) => comparisonPlan(ws, { ...request, districts: args.ids as string[] })))(),
    )
    .command(
      'build',
      'Build every document of the manifest, in parallel; rebuild only what changed, with revisions and correction notices',
      (y) => buildOptions(y).example('$0 build', 'every document in output/, state in build-state.json'),
      (args) => run(async () => {
        const result = await build(buildPaths(args), (line) => process.stdout.write(`${line}\n`));
        const built = result.planned.filter((p) => p.reason !== 'unchanged').length;
        process.stdout.write(`built ${built}, skipped ${result.planned.length - built} unchanged\n`);
      })(),
    )
    .command(
      'diff',
      'What changed in the data since the last build, per document',
      (y) => buildOptions(y),
      (args) => run(() => {
        for (const d of dataDiff(buildPaths(args))) {
          if (d.isNew) process.stdout.write(`${d.key}: not built yet\n`);
          else if (d.changes.length === 0) process.stdout.write(`${d.key}: no data changes\n`);
          else {
            process.stdout.write(`${d.key}: ${d.changes.length} change(s)\n`);
            for (const c of d.changes) process.stdout.write(`  ${c.district} ${c.year} ${c.indicator} ${c.kind}: ${c.old ?? '(new)'} -> ${c.new ?? '(removed)'}${c.source ? ` [${c.source}]` : ''}\n`);
          }
        }
      })(),
    )
    .command(
      'watch',
      'Build, then rebuild on every change to data/, templates/ or the manifest (Ctrl-C to stop)',
      (y) => buildOptions(y),
      async (args) => {
        const paths = buildPaths(args);
        await watchAndBuild(paths, (line) => process.stdout.write(`${line}\n`));
      },
    )
    .command(
      'validate',
      'Load and check every data file; print diagnostics (file:line: field)',
      (y) => y,
      (args) =>
        run(() => {
          const ws = workspace(args);
          const problems = validateDataset(ws);
          for (const d of problems) process.stderr.write(`${formatDiagnostic(d)}\n`);
          if (problems.length > 0) exitCode = 1;
          else process.stdout.write(`data OK: ${ws.data.observations.length} observations, ${ws.data.projects.length} projects, ${ws.data.indicators.size} indicators, ${ws.data.documents.size} source documents\n`);
        })(),
    )
    .command(
      'check-data',
      'Data-quality report: conflicting values, definition changes, estimates, pending values, single-district indicators',
      (y) => y.option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Report format' }),
      (args) =>
        run(() => {
          const data = loadDataset(resolve(args.data));
          process.stdout.write(args.format === 'json' ? `${JSON.stringify(dataQuality(data), null, 1)}\n` : qualityReport(data, dataQuality(data)));
        })(),
    )
    .command(
      'export <what>',
      'Export every published value (observations) or every project as CSV or JSON; columns in docs/export.md',
      (y) =>
        y
          .positional('what', { choices: ['observations', 'projects'] as const, demandOption: true })
          .option('format', { choices: ['csv', 'json'] as const, default: 'csv' as const, describe: 'Output format' })
          .option('out', { type: 'string', describe: 'Write to this file (default: standard output)' }),
      (args) =>
        run(() => {
          const data = loadDataset(resolve(args.data));
          const observations = args.what === 'observations';
          const rows = observations ? observationRows(data) : projectRows(data);
          const text = args.format === 'json' ? toJson(rows) : toCsv(rows, observations ? OBSERVATION_EXPORT_COLUMNS : PROJECT_EXPORT_COLUMNS);
          if (args.out) writeFilesAtomically([{ path: resolve(args.out), data: Buffer.from(text) }]);
          else process.stdout.write(text);
        })(),
    )
    .command(
      'import <report>',
      'Draft data from a plan report (plain text, HTML or DOCX): indicator tables, prose values, project lists',
      (y) =>
        y
          .positional('report', { type: 'string', demandOption: true, describe: 'The report: .txt, .html or .docx' })
          .option('district', { type: 'string', demandOption: true, describe: 'District id the report is about' })
          .option('doc', { type: 'string', demandOption: true, describe: 'Document id the draft cites (as in documents.yaml)' })
          .option('year', { type: 'number', describe: 'The year the report reviews (default: the year its first lines name most)' })
          .option('out', { alias: 'o', type: 'string', default: 'draft', describe: 'Folder for observations.<ext> and projects.<ext>' })
          .option('format', { choices: IMPORT_FORMATS, default: 'csv' as const, describe: 'Draft file format' }),
      (args) => run(() => {
        for (const line of runImport({ ...args, report: args.report as string })) process.stdout.write(`${line}\n`);
      })(),
    )
    .demandCommand(1, 'Name a command: build, district, compare, diff, watch, validate, check-data, export or import.')
    .strict()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      process.stderr.write(`briefing: ${msg}\nRun "briefing --help" for usage.\n`);
      exitCode = 2;
    })
    .parseAsync();
  return exitCode;
}
