// `npm run import-check`: imports each bundled source and compares the draft with the curated data for that source.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../data/load.js';
import { parseValue } from '../data/parse-value.js';
import type { Dataset } from '../data/types.js';
import { loadCatalogue, type Catalogue } from './catalogue.js';
import { importReport } from './import-report.js';
import { readReport } from './read-report.js';
import type { Draft } from './draft.js';

export interface SourceScore {
  doc: string;
  curated: number;
  found: number;
  drafted: number;
  correct: number;
  /** Drafted values that equal a curated value or a verified value the curated data lacks. */
  correctVerified: number;
  /** Drafted values whose year, indicator and kind the curated data holds with another value. */
  conflicting: number;
  proposed: number;
  projectsCurated: number;
  projectsFound: number;
  projectsDrafted: number;
  missed: string[];
  wrong: string[];
}

const valueText = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '');
const slot = (o: { year: number; indicator: string; kind: string }) => `${o.year}|${o.indicator}|${o.kind}`;

/** Two texts give the same value when they parse alike ("5.5以上" and "5.5%以上"); qualitative texts when they read alike. */
function sameValueKey(text: string, units: readonly string[]): string {
  const parsed = parseValue(text, units);
  if (!parsed.ok || parsed.value.qualifier === 'qualitative' || parsed.value.number === undefined) return `t:${valueText(text)}`;
  const v = parsed.value;
  return `${v.qualifier}:${Number(v.number)}:${v.change ? `Δ${v.change.baseYear}` : ''}`;
}

/**
 * A value the curated data does not hold, read in the source by a person and found correct: doc, line,
 * year, indicator, kind, text, and the quote on that line holding it.
 */
export interface VerifiedValue {
  doc: string;
  line: number;
  year: number;
  indicator: string;
  kind: string;
  text: string;
  quote: string;
}

/** The verified values of a CSV file; each quote must stand on its line of the source and hold the text. */
export function readVerified(path: string, data: Dataset): VerifiedValue[] {
  if (!existsSync(path)) return [];
  const rows = parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r, i) => {
    const v = { doc: r.doc!, line: Number(r.line), year: Number(r.year), indicator: r.indicator!, kind: r.kind!, text: r.text!, quote: r.quote! };
    const line = data.documents.get(v.doc)?.lines[v.line - 1];
    const squash = (t: string) => t.replace(/[\s\u3000]+/g, '');
    if (line === undefined || !squash(line).includes(squash(v.quote)) || !squash(v.quote).includes(squash(v.text)) || !data.indicators.has(v.indicator)) {
      throw new Error(`${path}:${i + 2}: "${v.quote}" is not on line ${v.line} of ${v.doc}, does not hold "${v.text}", or ${v.indicator} is not in the catalogue`);
    }
    return v;
  });
}

/** Compares a draft of document `doc` with the curated rows of that document (and the verified values the curated data lacks). */
export function scoreDraft(data: Dataset, doc: string, draft: Draft, verified: VerifiedValue[] = []): SourceScore {
  const units = [...data.units.keys()];
  const key = (o: { year: number; indicator: string; kind: string; text: string }) => `${slot(o)}|${sameValueKey(o.text, units)}`;
  const curated = data.observations.filter((o) => o.source.doc === doc && !o.flags.includes('revised'));
  const curatedSlots = new Set(curated.map(slot));
  const curatedKeys = new Set(curated.map(key));
  const drafted = draft.observations.filter((o) => !o.proposed);
  const draftKeys = new Set(drafted.map(key));
  const missed = curated.filter((o) => !draftKeys.has(key(o)));
  const wrong = drafted.filter((o) => !curatedKeys.has(key(o)));
  const verifiedKeys = new Set(verified.filter((v) => v.doc === doc).map(key));
  const projects = data.projects.filter((p) => p.source.doc === doc);
  const draftNames = new Set(draft.projects.map((p) => valueText(p.zh)));
  return {
    doc,
    curated: curated.length,
    found: curated.length - missed.length,
    drafted: drafted.length,
    correct: drafted.length - wrong.length,
    correctVerified: drafted.length - wrong.filter((o) => !verifiedKeys.has(key(o))).length,
    conflicting: wrong.filter((o) => curatedSlots.has(slot(o))).length,
    proposed: draft.observations.length - drafted.length,
    projectsCurated: projects.length,
    projectsFound: projects.filter((p) => draftNames.has(valueText(p.name.zh))).length,
    projectsDrafted: draft.projects.length,
    missed: missed.map((o) => `${o.source.line} ${key(o)} ${o.text}`),
    wrong: wrong.map((o) => `${o.line} ${key(o)} ${o.text}${curatedSlots.has(slot(o)) ? ' CONFLICT' : ''}${verifiedKeys.has(key(o)) ? ' VERIFIED' : ''}`),
  };
}

export function checkSources(dataDir: string, verifiedFile?: string): SourceScore[] {
  const data = loadDataset(dataDir);
  const verified = verifiedFile ? readVerified(verifiedFile, data) : [];
  const catalogue: Catalogue = loadCatalogue(dataDir);
  return [...data.documents.values()].map((d) => {
    const lines = readReport(join(dataDir, 'sources', d.file));
    const year = Math.max(...data.observations.filter((o) => o.source.doc === d.id && o.kind === 'result').map((o) => o.year));
    return scoreDraft(data, d.id, importReport({ district: d.district, doc: d.id, year, lines, catalogue }), verified);
  });
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);

export function scoreTable(scores: SourceScore[]): string {
  const head = ['source', 'curated', 'found', 'recall', 'drafted', 'correct', 'precision', '+verified', 'precision*', 'conflicting', 'proposed', 'projects found', 'project recall'];
  const rows = scores.map((s) => [s.doc, s.curated, s.found, pct(s.found, s.curated), s.drafted, s.correct, pct(s.correct, s.drafted),
    s.correctVerified - s.correct, pct(s.correctVerified, s.drafted), s.conflicting, s.proposed,
    `${s.projectsFound}/${s.projectsCurated}`, pct(s.projectsFound, s.projectsCurated)].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = resolve(process.argv.find((a) => a.startsWith('--data='))?.slice(7) ?? join(fileURLToPath(import.meta.url), '../../../../data'));
  const root = join(fileURLToPath(import.meta.url), '../../../..');
  const verifiedFile = resolve(process.argv.find((a) => a.startsWith('--verified='))?.slice(11) ?? join(root, 'test', 'fixtures', 'import', 'verified-uncurated.csv'));
  const scores = checkSources(dataDir, verifiedFile);
  if (process.argv.includes('--verbose')) {
    for (const s of scores) {
      process.stdout.write(`\n${s.doc}\n  missed:\n${s.missed.map((m) => `    ${m}`).join('\n')}\n  wrong:\n${s.wrong.map((m) => `    ${m}`).join('\n')}\n`);
    }
  }
  process.stdout.write(scoreTable(scores));
  process.stdout.write('recall: curated values of the source found in the draft (year, indicator, kind and text alike); precision: drafted values with a catalogue indicator that match a curated value (values the curated data does not hold count as wrong); +verified: drafted values the curated data lacks that a person read in the source and found correct (test/fixtures/import/verified-uncurated.csv, each with its line and quote); precision*: precision counting those as correct; conflicting: drafted values whose year, indicator and kind the curated data holds with another value; proposed: values under a proposed new indicator.\n');
}
