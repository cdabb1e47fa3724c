// The build manifest (manifest.yaml): which documents `briefing build` makes, in which languages and formats.
import { FORMATS, LANG_MODES, type Format, type LangMode } from '../output-options.js';
import { readText, readYamlList } from '../data/read-files.js';
import { ID_PATTERN } from '../data/types.js';
import { messages } from '../messages.js';
import { diagnostic, DiagnosticError, type Diagnostic } from '../diagnostics.js';
import { parseDocument, isMap, isSeq } from 'yaml';

import { briefingEntry, comparisonEntry, type DocumentEntry } from '../publish/editions.js';

export type { DocumentEntry };

export interface Manifest {
  date?: string;
  languages: LangMode[];
  formats: Format[];
  documents: DocumentEntry[];
}

export function readManifest(path: string, displayName = 'manifest.yaml'): Manifest {
  const problems: Diagnostic[] = [];
  const report = (line: number | undefined, field: string, reason: string) =>
    problems.push(diagnostic('error', 'manifestError', { file: displayName, line, field }, reason));
  const doc = parseDocument(readText(path, displayName));
  const root = doc.toJS() as Record<string, unknown> | null;
  if (doc.errors.length > 0 || !root || !isMap(doc.contents)) {
    throw new DiagnosticError([diagnostic('error', 'yamlSyntax', { file: displayName }, doc.errors[0]?.message ?? 'the manifest must be a map')]);
  }
  const list = <T extends string>(field: string, allowed: readonly T[]): T[] => {
    const values = (root[field] ?? allowed) as unknown[];
    if (!Array.isArray(values)) report(undefined, field, 'must be a list');
    const out = (Array.isArray(values) ? values : []).map(String);
    for (const v of out) if (!allowed.includes(v as T)) report(undefined, field, `"${v}" is not one of: ${allowed.join(', ')}`);
    return out as T[];
  };
  const date = root.date === undefined ? undefined : String(root.date instanceof Date ? root.date.toISOString().slice(0, 10) : root.date);
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) report(undefined, 'date', `"${date}" is not YYYY-MM-DD`);
  const documents: DocumentEntry[] = [];
  const seq = doc.contents.get('documents', true);
  if (!isSeq(seq)) report(undefined, 'documents', 'must be a list of documents');
  else {
    // Reuse the data loader's reader for line numbers of each entry.
    const records = readYamlList(path, displayName, 'documents');
    for (const rec of records) {
      const year = Number(rec.get('year'));
      if (!Number.isInteger(year)) report(rec.line, 'year', 'a document needs a year');
      const compare = rec.list('compare');
      const district = rec.get('district');
      for (const id of [...compare, ...(district ? [district] : [])]) if (!ID_PATTERN.test(id)) report(rec.line, compare.length > 0 ? 'compare' : 'district', messages.badId(id));
      if (compare.length > 0) documents.push(comparisonEntry(compare, year));
      else if (district) documents.push(briefingEntry(district, year));
      else report(rec.line, 'district', 'a document needs a district, or compare: with a list of districts');
    }
  }
  const keys = new Set<string>();
  for (const d of documents) {
    if (keys.has(d.key)) report(undefined, 'documents', `"${d.key}" is listed twice`);
    keys.add(d.key);
  }
  const manifest = { ...(date ? { date } : {}), languages: list('languages', LANG_MODES), formats: list('formats', FORMATS), documents };
  if (problems.length > 0) throw new DiagnosticError(problems);
  return manifest;
}
