// A briefing project: the folder of briefing.yaml, its settings, and where its data, templates, fonts and outputs are.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { diagnostic, DiagnosticError, type Diagnostic } from '../diagnostics.js';
import { BUNDLED } from './bundled.js';
import { SETTINGS_FILE } from './discover.js';

/** Keys briefing.yaml may hold; `languages`, `formats`, `date` and `documents` are read by the build. */
export const SETTINGS_KEYS = ['districts', 'languages', 'formats', 'date', 'documents', 'output', 'data', 'templates', 'fonts', 'styles', 'state'] as const;

export interface Project {
  /** The folder holding briefing.yaml. */
  root: string;
  settingsFile: string;
  /** The districts the project reports on (the default of `compare`). */
  districts: string[];
  dataDir: string;
  outDir: string;
  /** The project's own templates/ when it has one (`briefing eject templates`), else the bundled ones. */
  templatesDir: string;
  /** The project's own fonts/ when it has one, else the bundled fonts. */
  fontsDir: string;
  /** The project's styles.yaml, when it has one. */
  stylesFile?: string;
  stateFile: string;
}

/** Folders that may be given instead of the project's own; e.g. from --data, --templates, --fonts. */
export interface ProjectOverrides {
  data?: string;
  templates?: string;
  fonts?: string;
}

/** Reads briefing.yaml in `root` and resolves every folder the project uses. */
export function readProject(root: string, overrides: ProjectOverrides = {}): Project {
  const settingsFile = join(root, SETTINGS_FILE);
  const problems: Diagnostic[] = [];
  const report = (field: string | undefined, reason: string) => problems.push(diagnostic('error', 'settingsError', { file: SETTINGS_FILE, field }, reason));
  let settings: Record<string, unknown> = {};
  try {
    const doc = parseDocument(readFileSync(settingsFile, 'utf8'));
    if (doc.errors.length > 0) report(undefined, doc.errors[0]!.message.split('\n')[0]!);
    else if (doc.contents !== null && !isMap(doc.contents)) report(undefined, 'the settings must be a map of keys to values');
    else settings = (doc.toJS() as Record<string, unknown> | null) ?? {};
  } catch (e) {
    throw new DiagnosticError([diagnostic('error', 'fileUnreadable', { file: SETTINGS_FILE }, (e as Error).message)]);
  }
  for (const key of Object.keys(settings)) if (!(SETTINGS_KEYS as readonly string[]).includes(key)) report(key, `unknown setting "${key}"; known settings: ${SETTINGS_KEYS.join(', ')}`);
  const folder = (key: 'output' | 'data' | 'templates' | 'fonts' | 'styles' | 'state'): string | undefined => {
    const value = settings[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      report(key, 'must be a path (relative to the project folder)');
      return undefined;
    }
    return isAbsolute(value) ? value : join(root, value);
  };
  const districts = settings.districts ?? [];
  if (!Array.isArray(districts) || districts.some((d) => typeof d !== 'string')) report('districts', 'must be a list of district ids');
  const own = (dir: string) => (existsSync(dir) ? dir : undefined);
  const project: Project = {
    root,
    settingsFile,
    districts: Array.isArray(districts) ? districts.map(String) : [],
    dataDir: overrides.data ? resolve(overrides.data) : folder('data') ?? join(root, 'data'),
    outDir: folder('output') ?? join(root, 'output'),
    templatesDir: overrides.templates ? resolve(overrides.templates) : folder('templates') ?? own(join(root, 'templates')) ?? BUNDLED.templates,
    fontsDir: overrides.fonts ? resolve(overrides.fonts) : folder('fonts') ?? own(join(root, 'fonts')) ?? BUNDLED.fonts,
    stateFile: folder('state') ?? join(root, 'build-state.json'),
  };
  const styles = folder('styles') ?? own(join(root, 'styles.yaml'));
  if (styles) project.stylesFile = styles;
  if (problems.length > 0) throw new DiagnosticError(problems);
  return project;
}

/** Settings for data given without a project (--data outside any project): bundled templates and fonts, outputs here. */
export function looseProject(dir: string, overrides: ProjectOverrides & { data: string }): Project {
  return {
    root: dir,
    settingsFile: join(dir, SETTINGS_FILE),
    districts: [],
    dataDir: resolve(overrides.data),
    outDir: join(dir, 'output'),
    templatesDir: overrides.templates ? resolve(overrides.templates) : BUNDLED.templates,
    fontsDir: overrides.fonts ? resolve(overrides.fonts) : BUNDLED.fonts,
    stateFile: join(dir, 'build-state.json'),
  };
}
