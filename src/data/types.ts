// The Dataset: everything loaded and validated from data/, the input of every later stage.
import type { ParsedValue } from './parse-value.js';

export type Lang = 'zh' | 'en';

/** District, document and indicator ids: they become parts of file names, so no path characters. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-_]*$/;
export type Bilingual = { zh: string; en: string };

export const OBSERVATION_KINDS = ['target', 'result', 'base', 'fyp_target'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

export const FLAGS = ['estimate', 'adjusted', 'base_revised', 'definition_changed', 'provisional', 'revised', 'preferred', 'draft'] as const;
/** Flags a project row may carry: `draft` (drafted by `briefing import --merge`, not yet reviewed). */
export const PROJECT_FLAGS = ['draft'] as const;
export type Flag = (typeof FLAGS)[number];

export const MEASURES = ['growth', 'level', 'share', 'ratio', 'count', 'index', 'qualitative'] as const;
export const DIRECTIONS = ['up', 'down', 'neutral'] as const;
/** `total` grows with a district's size (GDP, revenue, counts of firms); `relative` does not (rates, shares, per-capita figures, concentrations). */
export const SCALES = ['total', 'relative'] as const;
export const NATURES = ['binding', 'expected'] as const;
export const CATEGORIES = [
  'economy', 'industry', 'investment', 'consumption', 'fiscal', 'innovation', 'urbanisation',
  'openness', 'environment', 'agriculture', 'livelihood', 'safety',
] as const;
export const SECTORS = ['industry', 'transport', 'water', 'urban', 'energy', 'environment', 'social', 'services', 'agriculture'] as const;
export const PROJECT_STATUSES = ['completed', 'started', 'in_progress', 'planned_complete', 'planned_start', 'planned_continue'] as const;

export type Sector = (typeof SECTORS)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Where a published value stands: document, line and/or the document's own table, box or page, and the passage quoted. */
export interface Source {
  doc: string;
  /** Line of the source text; when absent, `locator` says where the value stands and the quote may be anywhere. */
  line?: number;
  /** The last line of a quote that runs on from `line` (a passage split across lines); the quote stands on the lines read as one. */
  lineEnd?: number;
  /** The document's own place of the value: 表1, 专栏3, p. 12. */
  locator?: string;
  quote: string;
}

/** Where a record stands in the data files, for diagnostics. */
export interface DataPlace {
  file: string;
  line: number;
}

export interface Unit {
  id: string;
  zh: string;
  en: string;
}

export interface Indicator {
  id: string;
  name: Bilingual;
  aliases: string[];
  unit: string;
  measure: (typeof MEASURES)[number];
  direction: (typeof DIRECTIONS)[number];
  scale: (typeof SCALES)[number];
  nature: (typeof NATURES)[number];
  category: (typeof CATEGORIES)[number];
  parent?: string;
  /** What the indicator measures, shared by indicators that differ only in definition (level vs rate, unit). */
  concept: string;
  order: number;
}

export interface Observation {
  district: string;
  year: number;
  indicator: string;
  kind: ObservationKind;
  text: string;
  value: ParsedValue;
  flags: Flag[];
  source: Source;
  /** Why a value is marked as it is, e.g. why it is the preferred one of two. */
  note?: string;
  /** The note in English, where readers see it (a corrected value's note). */
  noteEn?: string;
  place: DataPlace;
}

export interface Project {
  district: string;
  year: number;
  sector: Sector;
  status: ProjectStatus;
  name: Bilingual;
  source: Source;
  place: DataPlace;
  /** `draft` while an imported row awaits review. */
  flags?: (typeof PROJECT_FLAGS)[number][];
}

export interface District {
  id: string;
  name: Bilingual;
  short: Bilingual;
}

export interface SourceDocument {
  id: string;
  district: string;
  file: string;
  kind: string;
  date: string;
  title: Bilingual;
  /** A short name for citations: 万州区2024年计划执行报告. */
  short: Bilingual;
  publisher: Bilingual;
  lines: string[];
}

export interface Dataset {
  districts: Map<string, District>;
  documents: Map<string, SourceDocument>;
  units: Map<string, Unit>;
  indicators: Map<string, Indicator>;
  /** zh phrase → en, for qualitative texts published in Chinese only. */
  phrases: Map<string, string>;
  observations: Observation[];
  projects: Project[];
  /**
   * Rows flagged `draft` (imported, not yet reviewed): validated like the others but kept apart, so
   * no document shows them and they never conflict with reviewed values.
   */
  drafts: { observations: Observation[]; projects: Project[] };
  /** Every string read from the data files, with its place: what `validate` checks against the font. */
  texts: DataText[];
}

export interface DataText {
  text: string;
  place: { file: string; line: number; field: string };
}
