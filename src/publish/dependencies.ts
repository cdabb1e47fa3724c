// What a document depends on, recorded from what its analysis hands to composition: data values shown, projects, templates, style, fonts, code.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import type { BriefingReport } from '../analyse/briefing.js';
import type { ComparisonFindings } from '../analyse/compare.js';
import type { Dataset, Observation, Project } from '../data/types.js';

export interface Dependencies {
  /** Each data value the document shows or derives a figure from: "wanzhou 2024 gdp_growth result" → "<hash> <text as published>". */
  values: Record<string, string>;
  /** The projects it lists or counts, as one hash (a project is never corrected, only added or changed). */
  projects: string;
  /** Everything else it used: "template district-briefing.md.hbs", "messages zh", "catalogue", "fonts", "style", "code", "settings" → hash. */
  inputs: Record<string, string>;
}

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const short = (data: string | Buffer) => sha256(data).slice(0, 12);

/** The data values and projects found in what a document's analysis returned (the objects composition reads). */
function collect(data: Dataset, shown: unknown): { observations: Observation[]; projects: Project[] } {
  // A record is known by itself or by its place in the data files, which copies of it ({ ...project, cited }) share.
  const observations = new Map<object, Observation>([...data.observations.map((o): [object, Observation] => [o, o]), ...data.observations.map((o): [object, Observation] => [o.place, o])]);
  const projects = new Map<object, Project>([...data.projects.map((p): [object, Project] => [p, p]), ...data.projects.map((p): [object, Project] => [p.place, p])]);
  const found = { observations: new Set<Observation>(), projects: new Set<Project>() };
  const seen = new WeakSet<object>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    const observation = observations.get(v);
    if (observation) return void found.observations.add(observation);
    const project = projects.get(v);
    if (project) return void found.projects.add(project);
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v instanceof Map) for (const x of v.values()) walk(x);
    else if (v instanceof Set) for (const x of v) walk(x);
    else for (const x of Object.values(v)) walk(x);
  };
  walk(shown);
  const order = (o: Observation) => `${o.district} ${o.year} ${o.indicator} ${o.kind} ${o.source.doc} ${o.place.file}:${String(o.place.line).padStart(6, '0')}`;
  return {
    observations: [...found.observations].sort((a, b) => (order(a) < order(b) ? -1 : 1)),
    projects: [...found.projects],
  };
}

/** What a briefing shows: its whole report (scorecard, results, targets, trend, plan, conflicts, projects, the peer table's rows). */
export function briefingShows(report: BriefingReport): unknown {
  const { edition: _edition, ...shown } = report;
  return shown;
}

/** What a memo shows: its findings, and of each district's briefing findings only the scorecard and the projects behind its counts. */
export function memoShows(f: ComparisonFindings): unknown {
  const { briefings, ...rest } = f;
  return { ...rest, scorecards: briefings.map((b) => b.scorecard), projects: briefings.map((b) => b.projects) };
}

/** A value's key in words of the data: district, year, indicator, kind. */
export const valueKey = (o: Pick<Observation, 'district' | 'year' | 'indicator' | 'kind'>) => `${o.district} ${o.year} ${o.indicator} ${o.kind}`;

/** The data part of a document's dependencies, and the observation behind each key. */
export function recordValues(data: Dataset, shown: unknown): { values: Record<string, string>; projects: string; observations: Map<string, Observation> } {
  const found = collect(data, shown);
  const observations = new Map<string, Observation>();
  const count = new Map<string, number>();
  for (const o of found.observations) count.set(valueKey(o), (count.get(valueKey(o)) ?? 0) + 1);
  for (const o of found.observations) {
    // Two published values of one key (sources that disagree) are told apart by their document.
    let key = valueKey(o);
    if (count.get(key)! > 1) key = `${key} @${o.source.doc}`;
    for (let n = 2; observations.has(key); n++) key = `${key.replace(/ #\d+$/, '')} #${n}`;
    observations.set(key, o);
  }
  const values = Object.fromEntries([...observations].map(([key, o]) => [key, `${short(JSON.stringify([o.text, [...o.flags].sort(), o.note ?? '', o.noteEn ?? '', o.source.doc, o.source.line ?? '', o.source.locator ?? '']))} ${o.text}`]));
  const projects = found.projects.map((p) => [p.district, p.year, p.sector, p.status, p.name.zh, p.name.en, p.source.doc, p.source.line ?? p.source.locator ?? ''].join('|')).sort();
  return { values, projects: short(projects.join('\n')), observations };
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile() && !f.endsWith('.map')).sort();
}

/** One hash for the files under `dir` (names relative to it, and contents). */
function hashFiles(files: string[], base: string): string {
  return short(files.map((f) => `${relative(base, f)}:${sha256(readFileSync(f))}`).join('\n'));
}

export interface InputPaths {
  dataDir: string;
  templatesDir: string;
  fontsDir: string;
  /** The compiled code: its hash is the tool's version. */
  codeDir: string;
  stylesFile?: string;
}

const CATALOGUE = ['documents.yaml', 'districts.yaml', 'units.yaml', 'phrases.yaml', 'indicators.yaml', 'indicators', 'sources'];

/**
 * Everything but data values a document of this template uses; computed once per build and shared.
 * Settings are what changes its bytes from outside: the date printed and how DOCX charts are made.
 */
export function recordInputs(paths: InputPaths, template: string, settings: Record<string, string>): Record<string, string> {
  const cache = inputCache.get(paths) ?? new Map<string, string>();
  inputCache.set(paths, cache);
  const once = (key: string, make: () => string) => cache.get(key) ?? (cache.set(key, make()), cache.get(key)!);
  return {
    [`template ${template}`]: once(`t ${template}`, () => hashFiles(filesUnder(join(paths.templatesDir, template)), paths.templatesDir)),
    'messages zh': once('zh', () => hashFiles(filesUnder(join(paths.templatesDir, 'i18n', 'zh.yaml')), paths.templatesDir)),
    'messages en': once('en', () => hashFiles(filesUnder(join(paths.templatesDir, 'i18n', 'en.yaml')), paths.templatesDir)),
    catalogue: once('catalogue', () => hashFiles(CATALOGUE.flatMap((f) => filesUnder(join(paths.dataDir, f))), paths.dataDir)),
    fonts: once('fonts', () => hashFiles(filesUnder(paths.fontsDir), paths.fontsDir)),
    code: once('code', () => hashFiles(filesUnder(paths.codeDir), paths.codeDir)),
    ...(paths.stylesFile ? { style: once('style', () => hashFiles(filesUnder(paths.stylesFile!), paths.stylesFile!)) } : {}),
    settings: short(JSON.stringify(Object.entries(settings).sort())),
  };
}
const inputCache = new WeakMap<InputPaths, Map<string, string>>();
