// The briefing command line: a thin layer over the library that parses arguments, finds the project and prints.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DiagnosticError, formatDiagnostic } from '../diagnostics.js';
import { DOCX_CHARTS, FORMATS, LANG_MODES, TABLE_FORMATS, TABLES, type DocxCharts, type Format, type LangMode } from '../output-options.js';
import type { RenderedFile } from '../pipeline.js';
import { writeFilesAtomically } from '../write-atomic.js';
import type { Publication } from '../index.js';
import { findProjectRoot, SETTINGS_FILE } from '../project/discover.js';
import { looseProject, readProject, type Project } from '../project/project.js';
import { say } from './cli-messages.js';
import { closest } from './suggest.js';
import { buildPaths } from '../build/paths.js';
import { unchangedReport } from './unchanged-build.js';

/** The library, loaded by the commands that render or build (not by --help, init or export: startup stays short). */
const library = () => import('../index.js');

/** Accepts repeated options and comma lists: --lang zh --lang en, --lang zh,en. */
function listOf<T extends string>(values: (string | number)[] | string | undefined, allowed: readonly T[], name: string): T[] {
  const list = [values ?? []].flat().map(String).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const v of list) if (!allowed.includes(v as T)) throw new Error(say('notListOf', name, v, allowed.join(', ')));
  return [...new Set(list)] as T[];
}

interface Common {
  project?: string;
  data?: string;
  templates?: string;
  fonts?: string;
}

/** The project of --project, else of the nearest briefing.yaml from here up; --data alone works without one. */
function findProject(args: Common): Project {
  const overrides = { ...(args.data ? { data: args.data } : {}), ...(args.templates ? { templates: args.templates } : {}), ...(args.fonts ? { fonts: args.fonts } : {}) };
  const root = args.project ? (existsSync(join(resolve(args.project), SETTINGS_FILE)) ? resolve(args.project) : undefined) : findProjectRoot(process.cwd());
  if (root) return readProject(root, overrides);
  if (args.data && !args.project) return looseProject(process.cwd(), { ...overrides, data: args.data });
  throw new Error(say('noProject', args.project ? resolve(args.project) : process.cwd()));
}

/** The options of a command that makes one document: year, languages, formats, folder, date. */
function documentOptions<T>(y: Argv<T>, year: string) {
  return y
    .option('year', { type: 'number', describe: `${year}; default: the latest year with results` })
    .option('lang', { type: 'string', array: true, default: ['zh-en'], describe: 'Language mode(s): zh, en, zh-en (repeat or comma-separate)' })
    .option('format', { type: 'string', array: true, default: ['pdf', 'docx'], describe: 'Output format(s): pdf, docx (repeat or comma-separate)' })
    .option('out', { type: 'string', describe: "Output folder; default: the project's output folder" })
    .option('date', { type: 'string', describe: "Date printed on the document (YYYY-MM-DD); default: SOURCE_DATE_EPOCH, else the newest source document's date" })
    .option('docx-charts', docxChartsOption)
    .option('preview', { type: 'boolean', default: false, describe: "Render what the next edition would be into output/preview/ (or --out), leaving editions alone" });
}

const docxChartsOption = { choices: DOCX_CHARTS, default: 'native' as DocxCharts, describe: 'DOCX charts: native (editable Word charts with their data) or image (pictures)' } as const;

type DocumentArgs = Common & { year?: number; lang: (string | number)[]; format: (string | number)[]; out?: string; date?: string; docxCharts: DocxCharts; preview: boolean };

function renderOptions(args: DocumentArgs) {
  const langs = listOf<LangMode>(args.lang, LANG_MODES, 'lang');
  const formats = listOf<Format>(args.format, FORMATS, 'format');
  if (args.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(args.date)) throw new Error(say('badDate', args.date));
  return { langs, formats, docxCharts: args.docxCharts, preview: args.preview, ...(args.year !== undefined ? { year: args.year } : {}), ...(args.date ? { date: args.date } : {}), ...(args.out ? { outDir: resolve(args.out) } : {}) };
}

/** What a single-document command did: the files, the edition, and where the previous one is kept (said here, never in the document). */
function report(p: Publication, outDir: string): void {
  const key = p.planned.entry.key;
  const edition = String(p.planned.edition.edition);
  if (p.preview) {
    for (const f of p.written) process.stdout.write(`${f}\n`);
    process.stdout.write(`${say('previewNote', key, edition)}\n`);
    return;
  }
  for (const f of p.written.length > 0 ? p.written : p.files) process.stdout.write(`${f}\n`);
  process.stdout.write(`${p.written.length === 0 ? say('unchangedEdition', key, edition) : say('issuedEdition', key, edition, p.planned.reason)}\n`);
  if (p.archived.length > 0) process.stdout.write(`${say('archivedEditions', join(outDir, 'archive'))}\n`);
}

function buildOptions<T>(y: Argv<T>) {
  return y
    .option('manifest', { type: 'string', describe: "Settings file whose documents to build; default: the project's briefing.yaml" })
    .option('state', { type: 'string', describe: 'Edition state: editions, dependency hashes, corrections; default: build-state.json in the project' })
    .option('out', { type: 'string', describe: "Output folder; default: the project's output folder" })
    .option('docx-charts', docxChartsOption);
}

type BuildArgs = Common & { manifest?: string; state?: string; out?: string; docxCharts: DocxCharts };

function buildOptionsOf(args: BuildArgs) {
  return {
    docxCharts: args.docxCharts,
    ...(args.manifest ? { manifest: resolve(args.manifest) } : {}),
    ...(args.state ? { state: resolve(args.state) } : {}),
    ...(args.out ? { outDir: resolve(args.out) } : {}),
  };
}

const projectBuildPaths = (args: BuildArgs) => buildPaths(findProject(args), buildOptionsOf(args));

/** Writes to standard output; a closed pipe (`| head`) ends the command quietly. */
function print(text: string): void {
  process.stdout.write(text);
}

class UsageError extends Error {}

/** Every option name, for "did you mean". */
const OPTIONS = ['preview', 'project', 'data', 'templates', 'fonts', 'year', 'lang', 'format', 'out', 'date', 'empty', 'manifest', 'state', 'json', 'district', 'fix', 'docx-charts', 'doc', 'help', 'version'];
const COMMANDS = ['init', 'district', 'compare', 'build', 'diff', 'history', 'watch', 'validate', 'check-data', 'export', 'import', 'indicators', 'eject'];

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

  const parser = yargs(hideBin(['node', 'briefing', ...argv]))
    .scriptName('briefing')
    .usage('$0 <command> [options]\n\nBilingual PDF and DOCX briefings from Chongqing district data.')
    .option('project', { type: 'string', describe: 'Project folder (holding briefing.yaml); default: the nearest one from the working folder up' })
    .option('data', { type: 'string', describe: "Folder of data files (see docs/data-format.md); default: the project's data/" })
    .option('templates', { type: 'string', describe: "Folder of templates; default: the project's templates/, else the bundled ones" })
    .option('fonts', { type: 'string', describe: "Folder of the CJK fonts; default: the project's fonts/, else the bundled ones" })
    .command(
      'init [dir]',
      'Start a new project: briefing.yaml, data (the bundled example, or --empty), schemas and a README',
      (y) =>
        y
          .positional('dir', { type: 'string', default: '.', describe: 'Folder of the new project (created if missing)' })
          .option('empty', { type: 'boolean', default: false, describe: 'An empty data skeleton instead of the Chongqing example data' })
          .example('$0 init my-briefings', 'a project with the example data; then: cd my-briefings && briefing build')
          .example('$0 init --empty', 'an empty project in this folder'),
      (args) => run(async () => {
        const dir = resolve(args.dir as string);
        const { initProject, ProjectExistsError } = await import('../project/init.js');
        try {
          initProject(dir, { empty: args.empty as boolean });
        } catch (e) {
          if (e instanceof ProjectExistsError) throw new Error(say('projectExists', e.path));
          throw e;
        }
        const rel = relative(process.cwd(), dir);
        print(say('initDone', dir, rel ? `  cd ${rel}\n` : ''));
      })(),
    )
    .command(
      'district <id>',
      "Build a district's annual briefing",
      (y) =>
        documentOptions(y.positional('id', { type: 'string', demandOption: true, describe: 'District id, e.g. wanzhou' }), 'The year the briefing reports on, e.g. 2024')
          .example('$0 district wanzhou --year 2024', 'zh-en PDF and DOCX in output/')
          .example('$0 district wanzhou --year 2024 --lang zh,en --format pdf', 'Chinese and English PDFs')
          .example('$0 district wanzhou --year 2024 --preview', 'what the next edition would be, in output/preview/')
          .epilog('Files are named <district>-<year>-briefing.<lang>.<format>, e.g. wanzhou-2024-briefing.zh-en.pdf. Written through the editions, as build does: unchanged inputs leave the current edition alone; changed ones issue the next edition and keep the previous one in output/archive/.'),
      (args) => run(async () => {
        const options = renderOptions(args);
        const { publishBriefing, withWorkspace } = await library();
        const project = withWorkspace(findProject(args));
        report(await publishBriefing(project, { ...options, district: args.id as string }), project.outDir);
      })(),
    )
    .command(
      'compare [ids..]',
      'Build a memo comparing two or more districts for one year',
      (y) =>
        documentOptions(y.positional('ids', { type: 'string', array: true, describe: "District ids, e.g. wanzhou dadukou fuling; default: the project's districts" }), 'The year compared, e.g. 2024')
          .example('$0 compare wanzhou dadukou fuling --year 2024', 'zh-en PDF and DOCX in output/')
          .epilog('Files are named compare-<district ids, sorted>-<year>.<lang>.<format>, e.g. compare-dadukou-fuling-wanzhou-2024.zh-en.pdf.'),
      (args) => run(async () => {
        const options = renderOptions(args);
        const ids = args.ids as string[] | undefined;
        const { publishComparison, withWorkspace } = await library();
        const project = withWorkspace(findProject(args));
        report(await publishComparison(project, { ...options, ...(ids && ids.length > 0 ? { districts: ids } : {}) }), project.outDir);
      })(),
    )
    .command(
      'build',
      "Build every document of the project's briefing.yaml, in parallel; only what changed gets a new edition (with a correction notice after a correction)",
      (y) =>
        buildOptions(y)
          .option('json', { type: 'boolean', default: false, describe: 'Print a machine-readable summary (files, changed, skipped, timings) instead of the report' })
          .example('$0 build', 'every document in output/, state in build-state.json')
          .example('$0 build --json | jq .built', 'how many documents were built'),
      (args) => run(async () => {
        const started = performance.now();
        const log = args.json ? () => {} : (line: string) => print(`${line}\n`);
        const paths = projectBuildPaths(args);
        // Nothing read or written since the last build changed: say so without loading the library.
        const unchanged = unchangedReport(paths);
        let archived: string[] = [];
        let documents: { key: string; reason: string; changed: boolean; edition: number; corrections: number; files: string[] }[];
        if (unchanged) {
          for (const line of unchanged.lines) log(line);
          documents = unchanged.documents.map((d) => ({ ...d, reason: 'unchanged', changed: false, corrections: 0 }));
        } else {
          const result = await (await library()).build(findProject(args), { ...buildOptionsOf(args), log });
          archived = result.archived;
          documents = result.planned.map((p) => ({
            key: p.entry.key, reason: p.reason, changed: p.render.length > 0, edition: p.edition.edition, corrections: p.verdict.changes.length, files: result.files[p.entry.key] ?? [],
          }));
        }
        const built = documents.filter((d) => d.changed).length;
        if (!args.json) return print(`${say('built', built, documents.length - built)}\n`);
        print(`${JSON.stringify({
          built,
          skipped: documents.length - built,
          ms: Math.round(performance.now() - started),
          documents: documents.map(({ key, reason, changed, edition, corrections, files }) => ({ key, reason, changed, edition, corrections, files: files.map((f) => join(paths.outDir, f)) })),
          archived,
        }, null, 1)}\n`);
      })(),
    )
    .command(
      'diff',
      "What changed for each document since its current edition (corrections, updates), without building",
      (y) => buildOptions(y).example('$0 diff', 'the values corrected since the last build, and what else changed'),
      (args) => run(async () => {
        const { dataDiff } = await import('../build/build.js');
        const { planned, indicatorName } = dataDiff(await projectBuildPaths(args));
        for (const d of planned) {
          const key = d.entry.key;
          if (d.verdict.kind === 'first') print(`${key}: not built yet\n`);
          else if (d.verdict.kind === 'unchanged') print(`${key}: unchanged\n`);
          else {
            const update = d.verdict.kind === 'update' ? ' if a file changes (a build compares; the edition stays otherwise)' : '';
            print(`${key}: ${d.verdict.kind}${d.verdict.changes.length ? `, ${d.verdict.changes.length} corrected figure(s)` : ''}${update}\n`);
            for (const c of d.verdict.changes) print(`  ${c.district} ${c.year} ${indicatorName(c.indicator)} (${c.indicator}) ${c.kind}: ${c.old ?? '(new)'} -> ${c.new ?? '(removed)'}${c.note ? ` [${c.note.zh}]` : ''}\n`);
            for (const c of d.verdict.consequences) print(`  consequence: ${c.figure}: ${c.old} -> ${c.new}\n`);
            for (const w of d.verdict.why) print(`  ${w}\n`);
          }
        }
      })(),
    )
    .command(
      'history [doc]',
      "Each document's editions: dates, corrections (old -> new, note) and updates",
      (y) => buildOptions(y).positional('doc', { type: 'string', describe: 'A document, e.g. wanzhou-2024 or compare-dadukou-fuling-wanzhou-2024 (or the start of one); default: all' })
        .example('$0 history wanzhou-2024', 'the editions of the Wanzhou 2024 briefing'),
      (args) => run(async () => {
        const [{ historyText }, { readState }] = await Promise.all([import('../publish/history.js'), import('../publish/state.js')]);
        const state = readState((await projectBuildPaths(args)).state);
        const { text, found } = historyText(state, args.doc as string | undefined);
        if (!found) throw new Error(say('noHistory', (args.doc as string | undefined) ?? '', Object.keys(state.documents).sort().join(', ')));
        print(text);
      })(),
    )
    .command(
      'watch',
      'Build, then rebuild on every change to data/, templates/ or briefing.yaml (Ctrl-C to stop)',
      (y) => buildOptions(y).example('$0 watch', 'rebuild while you edit the data'),
      (args) => run(async () => {
        const { watchAndBuild } = await import('../build/watch.js');
        await watchAndBuild(await projectBuildPaths(args), (line) => print(`${line}\n`));
      })(),
    )
    .command(
      'validate',
      'Load and check every data file; print diagnostics (file:line: field)',
      (y) =>
        y
          .option('fix', { type: 'boolean', default: false, describe: 'First repair what the sources prove (spaces around values, full-width digits, a quote found on another line) and say what changed' })
          .example('$0 validate', 'check the data of the project in this folder')
          .example('$0 validate --fix', 'repair what can be proven, then check'),
      (args) =>
        run(async () => {
          const project = findProject(args);
          if (args.fix) {
            const { planFixes } = await import('../data/fix-data.js');
            const { fixes, files } = planFixes(project.dataDir);
            writeFilesAtomically(files);
            for (const f of fixes) print(`${f.file}:${f.line}: ${f.field}: "${f.old}" -> "${f.new}" (${f.why})\n`);
            print(`${fixes.length > 0 ? say('fixed', fixes.length) : say('nothingToFix')}\n`);
          }
          const [{ withWorkspace }, { validateDataset }] = await Promise.all([import('../project/workspace.js'), import('./validate.js')]);
          const ws = withWorkspace(project).workspace;
          const problems = validateDataset(ws);
          for (const d of problems) process.stderr.write(`${formatDiagnostic(d)}\n`);
          if (problems.length > 0) exitCode = 1;
          else print(`${say('dataOk', ws.data.observations.length, ws.data.projects.length, ws.data.indicators.size, ws.data.documents.size)}\n`);
          const drafts = ws.data.drafts;
          if (problems.length === 0 && drafts.observations.length + drafts.projects.length > 0) print(`${say('draftsAwaitReview', drafts.observations.length, drafts.projects.length)}\n`);
        })(),
    )
    .command(
      'check-data',
      'Data-quality report: conflicting values, definition changes, estimates, pending values, single-district indicators',
      (y) => y.option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Report format' }).example('$0 check-data --format json', 'the report as JSON'),
      (args) =>
        run(async () => {
          const [{ loadDataset }, { dataQuality }, { qualityReport }] = await Promise.all([import('../data/load.js'), import('../analyse/data-quality.js'), import('./quality-report.js')]);
          const data = loadDataset(findProject(args).dataDir);
          print(args.format === 'json' ? `${JSON.stringify(dataQuality(data), null, 1)}\n` : qualityReport(data, dataQuality(data)));
        })(),
    )
    .command(
      'export <table>',
      'Export a data table (observations or projects) as CSV, JSON or an Excel workbook, in the columns the data files use',
      (y) =>
        y
          .positional('table', { choices: TABLES, demandOption: true })
          .option('format', { choices: TABLE_FORMATS, default: 'csv' as const, describe: 'Output format' })
          .option('out', { type: 'string', describe: 'Write to this file (default: standard output; xlsx needs a file)' })
          .example('$0 export observations --format xlsx --out observations.xlsx', 'a workbook to edit and put in data/observations/')
          .example('$0 export projects --format json', 'every project as JSON')
          .epilog('What export writes, the data folder reads back unchanged. Columns: docs/data-format.md.'),
      (args) =>
        run(async () => {
          if (args.format === 'xlsx' && !args.out) throw new Error(say('xlsxNeedsOut'));
          const [{ loadDataset }, { exportTable }] = await Promise.all([import('../data/load.js'), import('../export.js')]);
          const data = loadDataset(findProject(args).dataDir);
          const bytes = await exportTable(data, args.table, args.format);
          if (args.out) writeFilesAtomically([{ path: resolve(args.out), data: bytes }]);
          else print(bytes.toString('utf8'));
        })(),
    )
    .command(
      'indicators',
      'List the indicator catalogue: id, names, unit, good direction, which districts report it',
      (y) =>
        y
          .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format' })
          .option('district', { type: 'string', describe: 'Only the indicators this district reports' })
          .example('$0 indicators', 'the whole catalogue')
          .example('$0 indicators --district fuling', 'what Fuling reports'),
      (args) =>
        run(async () => {
          const [{ loadDataset }, { indicatorCatalogue, indicatorTable }] = await Promise.all([import('../data/load.js'), import('./indicators.js')]);
          const rows = indicatorCatalogue(loadDataset(findProject(args).dataDir), args.district);
          print(args.format === 'json' ? `${JSON.stringify(rows, null, 1)}\n` : indicatorTable(rows));
        })(),
    )
    .command(
      'eject <what>',
      "Copy the bundled templates into the project, to edit them; the project's own then win",
      (y) => y.positional('what', { choices: ['templates'] as const, demandOption: true }).example('$0 eject templates', 'templates/ in the project folder'),
      (args) =>
        run(async () => {
          const project = findProject(args);
          const { EjectExistsError, ejectTemplates } = await import('../project/eject.js');
          let dir: string;
          try {
            dir = ejectTemplates(project);
          } catch (e) {
            if (e instanceof EjectExistsError) throw new Error(say('ejectExists', e.message));
            throw e;
          }
          print(say('ejectDone', dir));
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
          .option('format', { choices: TABLE_FORMATS, default: 'csv' as const, describe: 'Draft file format' })
          .option('merge', { type: 'boolean', default: false, describe: "Also add the draft to the project's data (data/observations/<doc>.draft.csv, data/projects/<doc>.draft.csv), every row flagged draft; reports conflicts, never changes a reviewed row" })
          .example('$0 import report.docx --district wanzhou --doc wanzhou-plan-2025 --year 2025 -o draft/', 'draft CSVs to review'),
      (args) => run(async () => {
        const { runImport } = await import('../import/command.js');
        for (const line of await runImport({ ...args, report: args.report as string, data: findProject(args).dataDir })) print(`${line}\n`);
      })(),
    )
    .demandCommand(1, `Name a command: ${COMMANDS.join(', ')}.`)
    .strict()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      process.stderr.write(`briefing: ${msg}\n`);
      // yargs words this in the user's language: "Unknown argument: x", "无法识别的选项：x".
      const unknown = /^(?:Unknown arguments?|无法识别的选项)[:：]\s*(.+)$/.exec(msg ?? '')?.[1]?.split(/[,，]\s*/)[0];
      if (unknown) {
        const options = OPTIONS;
        const isOption = argv.some((a) => a.startsWith('-') && a.replace(/^-+/, '').split('=')[0] === unknown);
        const suggestion = isOption
          ? closest(unknown, options)
          : closest(unknown, COMMANDS);
        if (suggestion) process.stderr.write(`${say('didYouMean', isOption ? `--${suggestion}` : suggestion)}\n`);
      }
      process.stderr.write(`${say('seeHelp')}\n`);
      // Stops yargs here: no command runs after a usage error.
      throw new UsageError();
    });
  try {
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof UsageError) return 2;
    throw e;
  }
  return exitCode;
}
