// The `import` command: reads a report, writes a draft (and with --merge adds it to the data), prints a summary.
import { join, resolve } from 'node:path';
import { writeFilesAtomically } from '../write-atomic.js';
import { loadCatalogue } from './catalogue.js';
import { DRAFT_FORMATS, draftFiles, type DraftFormat } from './draft-files.js';
import { importReport, reviewedYear } from './import-report.js';
import { readReport } from './read-report.js';

export interface ImportArgs {
  report: string;
  district: string;
  doc: string;
  year?: number;
  out: string;
  format: string;
  data: string;
}

export const IMPORT_FORMATS = DRAFT_FORMATS;

/** Runs an import; returns the lines to print. */
export function runImport(args: ImportArgs): string[] {
  const lines = readReport(resolve(args.report));
  const year = args.year ?? reviewedYear(lines);
  if (!year) throw new Error(`cannot tell which year ${args.report} reviews; give --year`);
  const catalogue = loadCatalogue(resolve(args.data));
  const draft = importReport({ district: args.district, doc: args.doc, year, lines, catalogue });
  const outDir = resolve(args.out);
  const files = draftFiles(draft, catalogue, args.format as DraftFormat).map((f) => ({ path: join(outDir, f.name), data: f.data }));
  writeFilesAtomically(files);
  return [
    ...files.map((f) => f.path),
    `drafted ${draft.observations.length} values (${draft.observations.filter((o) => o.proposed).length} under ${draft.proposed.length} proposed new indicators) and ${draft.projects.length} projects from ${args.report}, year ${year}; every row is flagged "draft" until reviewed`,
  ];
}
