// The `import` command: reads a report, writes a draft (and with --merge adds it to the data), prints a summary.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataset, readDataset } from '../data/load.js';
import { writeFilesAtomically } from '../write-atomic.js';
import { loadCatalogue } from './catalogue.js';
import { DRAFT_FORMATS, draftFilesIn, type DraftFormat } from './draft-files.js';
import { importReport, reviewedYear } from './import-report.js';
import { mergeReport, planMerge } from './merge.js';
import { readReport } from './read-report.js';

export interface ImportArgs {
  report: string;
  district: string;
  doc: string;
  year?: number;
  out: string;
  format: string;
  data: string;
  merge?: boolean;
}

export const IMPORT_FORMATS = DRAFT_FORMATS;

/** Runs an import; returns the lines to print. */
export async function runImport(args: ImportArgs): Promise<string[]> {
  const lines = readReport(resolve(args.report));
  const year = args.year ?? reviewedYear(lines);
  if (!year) throw new Error(`cannot tell which year ${args.report} reviews; give --year`);
  const dataDir = resolve(args.data);
  const catalogue = loadCatalogue(dataDir);
  // Loaded before anything is written: merging into data that does not validate would hide its errors among the draft's.
  const data = args.merge ? loadDataset(dataDir) : undefined;
  const draft = importReport({ district: args.district, doc: args.doc, year, lines, catalogue });
  const outDir = resolve(args.out);
  const files = (await draftFilesIn(draft, catalogue, args.format as DraftFormat)).map((f) => ({ path: join(outDir, f.name), data: f.data }));
  writeFilesAtomically(files);
  const out = [
    ...files.map((f) => f.path),
    `drafted ${draft.observations.length} values (${draft.observations.filter((o) => o.proposed).length} under ${draft.proposed.length} proposed new indicators) and ${draft.projects.length} projects from ${args.report}, year ${year}; every row is flagged "draft" until reviewed`,
  ];
  if (!data) return out;
  const merge = planMerge(draft, data, dataDir);
  const before = merge.files.map((f) => ({ path: f.path, data: existsSync(f.path) ? readFileSync(f.path) : undefined }));
  writeFilesAtomically(merge.files);
  try {
    readDataset(dataDir);
  } catch (e) {
    // The merged data must load: put every file back as it was.
    writeFilesAtomically(before.filter((f) => f.data).map((f) => ({ path: f.path, data: f.data! })));
    for (const f of before) if (!f.data) rmSync(f.path, { force: true });
    throw e;
  }
  return [...out, ...mergeReport(merge)];
}
