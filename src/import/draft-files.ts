// Writes a draft as data files: observations and projects in the data format's columns, then the reviewer's columns.
import { OBSERVATION_COLUMNS, PROJECT_COLUMNS } from '../data/load.js';
import { parseValue } from '../data/parse-value.js';
import { toCsv, toJson, toXlsx } from '../export.js';
import type { Catalogue } from './catalogue.js';
import type { Draft } from './draft.js';

export const DRAFT_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type DraftFormat = (typeof DRAFT_FORMATS)[number];

/** Columns after the data format's own: where in the report, the name as printed, and the parsed value. */
export const DRAFT_OBSERVATION_COLUMNS = [...OBSERVATION_COLUMNS, 'line_end', 'table', 'name', 'unit', 'nature', 'number', 'qualifier', 'proposed'] as const;
export const DRAFT_PROJECT_COLUMNS = [...PROJECT_COLUMNS, 'line_end', 'table', 'period', 'investment'] as const;

type Row = Record<string, string | number | null>;

export function observationDraftRows(draft: Draft, catalogue: Catalogue): Row[] {
  return draft.observations.map((o) => {
    const parsed = parseValue(o.text, catalogue.units);
    const value = parsed.ok ? parsed.value : undefined;
    return {
      district: o.district, year: o.year, indicator: o.indicator, kind: o.kind, text: o.text, flags: o.flags.join(';'),
      doc: o.doc, line: o.line, quote: o.quote, note: o.note, line_end: o.lineEnd ?? '', table: o.table, name: o.name,
      unit: value?.unit ?? o.unit, nature: o.nature, number: value?.number ?? '', qualifier: value?.qualifier ?? 'unreadable',
      proposed: o.proposed ? 'yes' : '',
    };
  });
}

export function projectDraftRows(draft: Draft): Row[] {
  return draft.projects.map((p) => ({
    district: p.district, year: p.year, sector: p.sector, status: p.status, zh: p.zh, en: '', doc: p.doc, line: p.line,
    line_end: p.lineEnd ?? '', table: p.table, period: p.period, investment: p.investment,
  }));
}

/** The files of a draft: DIR/observations.<ext>, DIR/projects.<ext> and, when names were unknown, DIR/indicators.yaml. */
export function draftFiles(draft: Draft, catalogue: Catalogue, format: Exclude<DraftFormat, 'xlsx'>): { name: string; data: Buffer }[] {
  const observations = observationDraftRows(draft, catalogue);
  const projects = projectDraftRows(draft);
  const files = [
    // CSV with a UTF-8 byte order mark, as export writes it, so that Excel shows Chinese.
    { name: `observations.${format}`, data: Buffer.from(format === 'json' ? toJson(observations) : `\ufeff${toCsv(observations, DRAFT_OBSERVATION_COLUMNS)}`) },
    { name: `projects.${format}`, data: Buffer.from(format === 'json' ? toJson(projects) : `\ufeff${toCsv(projects, DRAFT_PROJECT_COLUMNS)}`) },
  ];
  if (draft.proposed.length) files.push({ name: 'indicators.yaml', data: Buffer.from(proposedCatalogue(draft)) });
  return files;
}

/** Proposed catalogue entries for names the catalogue lacks, to complete and move into data/indicators/. */
function proposedCatalogue(draft: Draft): string {
  const entries = draft.proposed.map((p) =>
    [`- id: ${p.id}`, `  zh: "${p.zh.replace(/"/g, '\\"')}"`, `  en: ""`, `  unit: "${p.unit || '无'}"`, `  measure: ${/增速|增长/.test(p.zh) ? 'growth' : 'level'}`,
      `  direction: up`, `  nature: expected`, `  category: economy`, `  # proposed by import from line ${p.line}; complete en, measure, direction, category`].join('\n'));
  return `# Indicators the report names that the catalogue lacks (proposed by briefing import).\n${entries.join('\n')}\n`;
}

/** The files of a draft in any format: workbooks (one sheet each, named observations and projects, as data/ reads them) are written asynchronously. */
export async function draftFilesIn(draft: Draft, catalogue: Catalogue, format: DraftFormat): Promise<{ name: string; data: Buffer }[]> {
  if (format !== 'xlsx') return draftFiles(draft, catalogue, format);
  const files = draftFiles(draft, catalogue, 'csv').filter((f) => f.name === 'indicators.yaml');
  return [
    { name: 'observations.xlsx', data: await toXlsx(observationDraftRows(draft, catalogue), DRAFT_OBSERVATION_COLUMNS, 'observations') },
    { name: 'projects.xlsx', data: await toXlsx(projectDraftRows(draft), DRAFT_PROJECT_COLUMNS, 'projects') },
    ...files,
  ];
}
