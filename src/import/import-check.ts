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
  /** Drafted projects whose name is a curated project's name of the source. */
  projectsCorrect: number;
  /** Drafted projects on a line the curated projects of the source come from, and how many of those are curated. */
  projectsOnCuratedLines: number;
  projectsCorrectOnCuratedLines: number;
  missed: string[];
  wrong: string[];
  missedProjects: string[];
  wrongProjects: string[];
}

const valueText = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '');
/**
 * A project's name as compared: width-normalised, no spaces, no quotation marks (“云上田园” is 云上田园), a trailing
 * 项目 or 工程 (the list's word, printed or not) left off.
 */
const projectKey = (name: string) => valueText(name).replace(/[“”‘’"']/g, '').replace(/(?:工程)?(?:项目)?$/, '');
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
  const draftNames = new Set(draft.projects.map((p) => projectKey(p.zh)));
  const curatedNames = new Set(projects.map((p) => projectKey(p.name.zh)));
  const missedProjects = projects.filter((p) => !draftNames.has(projectKey(p.name.zh)));
  const wrongProjects = draft.projects.filter((p) => !curatedNames.has(projectKey(p.zh)));
  const curatedLines = new Set(projects.map((p) => p.source.line));
  const onCuratedLines = draft.projects.filter((p) => curatedLines.has(p.line));
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
    projectsFound: projects.length - missedProjects.length,
    projectsDrafted: draft.projects.length,
    projectsCorrect: draft.projects.length - wrongProjects.length,
    projectsOnCuratedLines: onCuratedLines.length,
    projectsCorrectOnCuratedLines: onCuratedLines.filter((p) => curatedNames.has(projectKey(p.zh))).length,
    missed: missed.map((o) => `${o.source.line} ${key(o)} ${o.text}`),
    wrong: wrong.map((o) => `${o.line} ${key(o)} ${o.text}${curatedSlots.has(slot(o)) ? ' CONFLICT' : ''}${verifiedKeys.has(key(o)) ? ' VERIFIED' : ''}`),
    missedProjects: missedProjects.map((p) => `${p.source.line} ${p.status} ${p.name.zh}`),
    wrongProjects: wrongProjects.map((p) => `${p.line} ${p.status} ${p.zh}`),
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
  const head = ['source', 'curated', 'found', 'recall', 'drafted', 'correct', 'precision', '+verified', 'precision*', 'conflicting', 'proposed', 'projects found', 'project recall', 'projects drafted', 'project precision', 'on curated lines'];
  const rows = scores.map((s) => [s.doc, s.curated, s.found, pct(s.found, s.curated), s.drafted, s.correct, pct(s.correct, s.drafted),
    s.correctVerified - s.correct, pct(s.correctVerified, s.drafted), s.conflicting, s.proposed,
    `${s.projectsFound}/${s.projectsCurated}`, pct(s.projectsFound, s.projectsCurated), s.projectsDrafted, pct(s.projectsCorrect, s.projectsDrafted),
    `${pct(s.projectsCorrectOnCuratedLines, s.projectsOnCuratedLines)} of ${s.projectsOnCuratedLines}`].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = resolve(process.argv.find((a) => a.startsWith('--data='))?.slice(7) ?? join(fileURLToPath(import.meta.url), '../../../../data'));
  const root = join(fileURLToPath(import.meta.url), '../../../..');
  const verifiedFile = resolve(process.argv.find((a) => a.startsWith('--verified='))?.slice(11) ?? join(root, 'test', 'fixtures', 'import', 'verified-uncurated.csv'));
  const scores = checkSources(dataDir, verifiedFile);
  for (const s of scores) {
    if (process.argv.includes('--verbose')) {
      process.stdout.write(`\n${s.doc}\n  missed:\n${s.missed.map((m) => `    ${m}`).join('\n')}\n  wrong:\n${s.wrong.map((m) => `    ${m}`).join('\n')}\n`);
    }
    if (process.argv.includes('--projects')) {
      process.stdout.write(`\n${s.doc}\n  projects missed:\n${s.missedProjects.map((m) => `    ${m}`).join('\n')}\n  projects not curated:\n${s.wrongProjects.map((m) => `    ${m}`).join('\n')}\n`);
    }
  }
  process.stdout.write(scoreTable(scores));
  process.stdout.write('recall: curated values of the source found in the draft (year, indicator, kind and text alike); precision: drafted values with a catalogue indicator that match a curated value (values the curated data does not hold count as wrong); +verified: drafted values the curated data lacks that a person read in the source and found correct (test/fixtures/import/verified-uncurated.csv, each with its line and quote); precision*: precision counting those as correct; conflicting: drafted values whose year, indicator and kind the curated data holds with another value; proposed: values under a proposed new indicator; project recall: curated projects of the source whose name the draft holds; project precision: drafted projects whose name a curated project of the source has (names compared without spaces or quotation marks, in NFKC width, a trailing 项目 or 工程 left off); on curated lines: that precision among drafted projects on the lines the curated projects come from (the curated data takes some passages of a report and leaves others: a project listed elsewhere counts against precision even when it is one).\n');
}
