// Loads and validates everything under data/ into a Dataset, or reports every problem found.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic, DiagnosticError, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { MessageCode, messages } from '../messages.js';
import { cachedDataset } from './dataset-cache.js';
import { parseValue } from './parse-value.js';
import { rangeNeeded, squash, standsOn } from './source-lines.js';
import { readFileInside, readYamlList, type FieldRecord } from './read-files.js';
import { tableSources, topWorkbookSheets } from './tables.js';
import {
  CATEGORIES, DIRECTIONS, FLAGS, PROJECT_FLAGS, ID_PATTERN, MEASURES, NATURES, OBSERVATION_KINDS, PROJECT_STATUSES, SCALES, SECTORS,
  type Dataset, type DataText, type District, type Flag, type Indicator, type Observation, type Project, type SourceDocument, type Unit,
} from './types.js';

export const OBSERVATION_COLUMNS = ['district', 'year', 'indicator', 'kind', 'text', 'flags', 'doc', 'line', 'quote', 'note'] as const;
export const PROJECT_COLUMNS = ['district', 'year', 'sector', 'status', 'zh', 'en', 'doc', 'line'] as const;
/**
 * Columns a table may add: where in the document the value stands (表1, 专栏3, p. 12), instead of or besides a line, and the
 * last line of a passage that runs on from `line` to the next line(s).
 */
export const OPTIONAL_COLUMNS = ['locator', 'line_end'] as const;
/** Observations may also carry the English of their note (a corrected value's note is shown to readers in both languages). */
export const OBSERVATION_OPTIONAL_COLUMNS = [...OPTIONAL_COLUMNS, 'note_en'] as const;
/** Projects may also carry `flags` (only `draft`). */
export const PROJECT_OPTIONAL_COLUMNS = [...OPTIONAL_COLUMNS, 'flags'] as const;


/** Collects diagnostics while reading one file's records. */
class Checker {
  constructor(readonly file: string, readonly diagnostics: Diagnostic[] = []) {}

  /** A checker for another file that reports into the same list. */
  at(file: string): Checker {
    return new Checker(file, this.diagnostics);
  }

  report<C extends MessageCode>(line: number, field: string | undefined, code: C, ...args: Parameters<(typeof messages)[C]>): void {
    this.diagnostics.push(diagnostic('error', code, { file: this.file, line, field }, ...args));
  }

  /** An id used in file names and links: see ID_PATTERN. */
  id(rec: FieldRecord, field = 'id'): string {
    const value = this.required(rec, field);
    if (value && !ID_PATTERN.test(value)) this.report(rec.lineOf(field), field, 'badId', value);
    return value;
  }

  required(rec: FieldRecord, field: string): string {
    const value = rec.get(field);
    if (value === undefined) {
      this.report(rec.lineOf(field), field, 'missingField');
      return '';
    }
    return value;
  }

  oneOf<T extends string>(rec: FieldRecord, field: string, allowed: readonly T[]): T {
    const value = this.required(rec, field);
    if (value && !allowed.includes(value as T)) this.report(rec.lineOf(field), field, 'badEnum', value, allowed);
    return value as T;
  }

  year(rec: FieldRecord, field: string): number {
    const value = this.required(rec, field);
    if (value && !/^\d{4}$/.test(value)) this.report(rec.lineOf(field), field, 'badYear', value);
    return Number(value);
  }

  bilingual(rec: FieldRecord, zhField = 'zh', enField = 'en'): { zh: string; en: string } {
    const zh = this.required(rec, zhField);
    const en = rec.get(enField);
    if (en === undefined && zh) this.report(rec.lineOf(enField), enField, 'missingTranslation', zh);
    return { zh, en: en ?? '' };
  }

  uniqueIds<T extends { id: string }>(records: { rec: FieldRecord; item: T; check?: Checker }[]): Map<string, T> {
    const byId = new Map<string, T>();
    const firstLine = new Map<string, string>();
    for (const { rec, item, check } of records) {
      if (!item.id) continue;
      const at = check ?? this;
      if (byId.has(item.id)) at.report(rec.line, 'id', 'duplicateId', item.id, firstLine.get(item.id)!);
      else {
        byId.set(item.id, item);
        firstLine.set(item.id, `${at.file}:${rec.line}`);
      }
    }
    return byId;
  }
}

function tryRead<T>(diagnostics: Diagnostic[], read: () => T, fallback: T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof DiagnosticError) {
      diagnostics.push(...e.diagnostics);
      return fallback;
    }
    throw e;
  }
}

function filesEnding(dir: string, ending: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ending)).sort() : [];
}
const yamlFiles = (dir: string) => filesEnding(dir, '.yaml');

/**
 * Characters no document can show and that would change what a text looks like or how it is parsed later:
 * C0 and C1 controls (NUL, CR, line feed, tab …), line and paragraph separators, bidirectional overrides,
 * byte-order marks, non-characters and unpaired surrogates.
 */
const FORBIDDEN_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const codePoint = (ch: string) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Loads data/ (or another folder of the same shape). Throws DiagnosticError listing every error. */
/** Loads the dataset, from the cache when no data file (nor the loader) changed since it was last read. */
export function loadDataset(dataDir: string): Dataset {
  return cachedDataset(dataDir, readDataset);
}

/** Reads and validates every data file. */
export function readDataset(dataDir: string): Dataset {
  const all: Diagnostic[] = [];
  const rel = (name: string) => `data/${name}`;
  const texts: DataText[] = [];

  /** Every string of every record: no forbidden character, and kept (with its place) for the font check. */
  const checked = (file: string, records: FieldRecord[]): FieldRecord[] => {
    for (const rec of records) {
      for (const { field, line, text } of rec.texts()) {
        const place = { file, line, field };
        const bad = [...new Set(text.match(FORBIDDEN_CHARACTER) ?? [])];
        if (bad.length > 0) all.push(diagnostic('error', 'forbiddenCharacter', place, bad.map(codePoint).join(', '), text));
        texts.push({ text, place });
      }
    }
    return records;
  };

  const yaml = (name: string) => checked(rel(name), tryRead(all, () => readYamlList(join(dataDir, name), rel(name)), []));

  // Districts
  const districtCheck = new Checker(rel('districts.yaml'));
  const districts = districtCheck.uniqueIds<District>(
    yaml('districts.yaml').map((rec) => ({
      rec,
      item: {
        id: districtCheck.id(rec),
        name: districtCheck.bilingual(rec),
        short: districtCheck.bilingual(rec.child('short') ?? rec),
      },
    })),
  );

  // Units
  const unitCheck = new Checker(rel('units.yaml'));
  const units = unitCheck.uniqueIds<Unit>(
    yaml('units.yaml').map((rec) => ({ rec, item: { id: unitCheck.required(rec, 'id'), zh: rec.get('zh') ?? '', en: rec.get('en') ?? '' } })),
  );

  // Source documents and their texts
  const docCheck = new Checker(rel('documents.yaml'));
  const documents = docCheck.uniqueIds<SourceDocument>(
    yaml('documents.yaml').map((rec) => {
      const file = docCheck.required(rec, 'file');
      const district = docCheck.required(rec, 'district');
      if (district && !districts.has(district)) docCheck.report(rec.lineOf('district'), 'district', 'unknownDistrict', district);
      const place = { file: rel('documents.yaml'), line: rec.lineOf('file'), field: 'file' };
      const text = file ? tryRead(all, () => readFileInside(join(dataDir, 'sources'), file, rel(`sources/${file}`), place), '') : '';
      const publisher = rec.child('publisher');
      const short = rec.child('short');
      if (!short) docCheck.report(rec.line, 'short', 'missingField');
      return {
        rec,
        item: {
          id: docCheck.id(rec),
          district,
          file,
          kind: docCheck.required(rec, 'kind'),
          date: docCheck.required(rec, 'date'),
          title: docCheck.bilingual(rec),
          short: short ? docCheck.bilingual(short) : { zh: '', en: '' },
          publisher: publisher ? docCheck.bilingual(publisher) : { zh: '', en: '' },
          lines: text.split('\n'),
        },
      };
    }),
  );

  // Phrases: translations of qualitative texts
  const phraseCheck = new Checker(rel('phrases.yaml'));
  const phrases = new Map<string, string>();
  for (const rec of yaml('phrases.yaml')) {
    const { zh, en } = phraseCheck.bilingual(rec);
    if (zh) phrases.set(squash(zh), en);
  }

  // Indicator catalogue
  const indicatorCheck = new Checker(rel('indicators.yaml'));
  const catalogueFiles = ['indicators.yaml', ...yamlFiles(join(dataDir, 'indicators')).map((f) => `indicators/${f}`)];
  const indicatorRecords = catalogueFiles.flatMap((name) => yaml(name).map((rec) => ({ rec, check: indicatorCheck.at(rel(name)) })));
  const indicators = indicatorCheck.uniqueIds<Indicator>(
    indicatorRecords.map(({ rec, check }, order) => {
      const unit = check.required(rec, 'unit');
      if (unit && !units.has(unit)) check.report(rec.lineOf('unit'), 'unit', 'unknownUnit', unit);
      const parent = rec.get('parent');
      return {
        rec,
        check,
        item: {
          id: check.id(rec),
          name: check.bilingual(rec),
          aliases: rec.list('aliases'),
          unit,
          measure: check.oneOf(rec, 'measure', MEASURES),
          direction: check.oneOf(rec, 'direction', DIRECTIONS),
          scale: rec.get('scale') ? check.oneOf(rec, 'scale', SCALES) : ['level', 'count'].includes(rec.get('measure') ?? '') ? 'total' : 'relative',
          nature: check.oneOf(rec, 'nature', NATURES),
          category: check.oneOf(rec, 'category', CATEGORIES),
          ...(parent ? { parent } : {}),
          concept: rec.get('concept') ?? rec.get('id') ?? '',
          order,
        },
      };
    }),
  );
  indicatorRecords.forEach(({ rec, check }) => {
    const parent = rec.get('parent');
    if (parent && !indicators.has(parent)) check.report(rec.lineOf('parent'), 'parent', 'unknownParent', parent);
  });

  /**
   * Checks a source reference: the quote must stand on the given line (over the lines `line` to `line_end` read as one,
   * needing both), or, without a line, somewhere in the document.
   */
  const checkSource = (check: Checker, rec: FieldRecord, docId: string, line: number | undefined, quote: string, lineEnd?: number) => {
    const doc = documents.get(docId);
    if (!doc) {
      if (docId) check.report(rec.line, 'doc', 'unknownDocument', docId);
      return;
    }
    if (line === undefined) {
      if (!rec.get('locator')) check.report(rec.line, 'line', 'noSourcePlace');
      if (quote && !squash(doc.lines.join('')).includes(squash(quote))) check.report(rec.line, 'quote', 'quoteNotInDocument', quote, doc.id);
      return;
    }
    for (const [n, field] of [[line, 'line'], [lineEnd, 'line_end']] as const) {
      if (n !== undefined && !(n >= 1 && n <= doc.lines.length)) {
        check.report(rec.line, field, 'lineOutOfRange', n, doc.lines.length);
        return;
      }
    }
    if (lineEnd === undefined) {
      if (quote && !standsOn(doc.lines, quote, line)) check.report(rec.line, 'quote', 'quoteNotOnLine', quote, doc.id, line);
    } else if (quote && !standsOn(doc.lines, quote, line, lineEnd)) check.report(rec.line, 'quote', 'quoteNotOnLines', quote, doc.id, line, lineEnd);
    else if (quote && !rangeNeeded(doc.lines, quote, line, lineEnd)) check.report(rec.line, 'line_end', 'lineRangeTooWide', quote, line, lineEnd);
  };

  /** The optional line number of a source (a locator such as 表1 may stand instead). */
  const lineNumber = (check: Checker, rec: FieldRecord, field: 'line' | 'line_end' = 'line'): number | undefined => {
    const value = rec.get(field);
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) check.report(rec.line, field, 'badLineNumber', value);
    return Number(value);
  };
  /** The last line of a passage over lines: after `line`, and only with it. */
  const lineEndNumber = (check: Checker, rec: FieldRecord, line: number | undefined): number | undefined => {
    const lineEnd = lineNumber(check, rec, 'line_end');
    if (lineEnd === undefined || Number.isNaN(lineEnd)) return undefined;
    if (line === undefined || !(lineEnd > line)) {
      check.report(rec.line, 'line_end', 'lineEndNotAfterLine', lineEnd, line);
      return undefined;
    }
    return lineEnd;
  };
  /** Where a value stands: document, line (and last line) and/or locator, and the quote. */
  const sourceOf = (rec: FieldRecord, doc: string, line: number | undefined, quote: string, lineEnd?: number) => {
    const locator = rec.get('locator');
    return { doc, ...(line !== undefined ? { line } : {}), ...(lineEnd !== undefined ? { lineEnd } : {}), ...(locator ? { locator } : {}), quote };
  };

  // Observations
  const unitIds = [...units.keys()];
  const observations: Observation[] = [];
  const draftObservations: Observation[] = [];
  const observationChecks: Checker[] = [];
  const topSheets = topWorkbookSheets(dataDir, all);
  for (const { file, records } of tableSources(dataDir, 'observations', OBSERVATION_COLUMNS, OBSERVATION_OPTIONAL_COLUMNS, topSheets, all)) {
    const check = new Checker(file);
    observationChecks.push(check);
    for (const rec of checked(file, records)) {
      const district = check.required(rec, 'district');
      if (district && !districts.has(district)) check.report(rec.line, 'district', 'unknownDistrict', district);
      const indicatorId = check.required(rec, 'indicator');
      const indicator = indicators.get(indicatorId);
      if (indicatorId && !indicator) check.report(rec.line, 'indicator', 'unknownIndicator', indicatorId);
      const text = check.required(rec, 'text');
      const parsed = parseValue(text, unitIds);
      if (text && !parsed.ok) check.report(rec.line, 'text', 'badNumber', text);
      const value = parsed.ok ? parsed.value : { qualifier: 'qualitative' as const };
      if (indicator && value.unit && value.unit !== indicator.unit && !value.change) {
        check.report(rec.line, 'text', 'unitMismatch', value.unit, indicator.unit);
      }
      const flags = rec.list('flags') as Flag[];
      const draft = flags.includes('draft');
      // A draft's qualitative text is translated when it is reviewed; no document shows it before.
      // A ratio ("9.8:38.5:51.7") reads the same in every language.
      if (!draft && value.qualifier === 'qualitative' && !value.ratio && text && !phrases.has(squash(text))) check.report(rec.line, 'text', 'missingTranslation', text);
      for (const flag of flags) if (!FLAGS.includes(flag)) check.report(rec.line, 'flags', 'unknownFlag', flag, FLAGS);
      const doc = check.required(rec, 'doc');
      const line = lineNumber(check, rec);
      const lineEnd = lineEndNumber(check, rec, line);
      const quote = rec.get('quote') ?? text;
      // A revised value no longer stands in its original source: its note must say where the new figure comes from.
      const revised = flags.includes('revised');
      if (revised && !rec.get('note')) check.report(rec.line, 'note', 'revisedWithoutNote');
      // Readers see a corrected value's note in the document's language: it needs its English too.
      if (revised && rec.get('note') && !rec.get('note_en')) check.report(rec.line, 'note_en', 'revisedNoteWithoutEnglish', rec.get('note')!);
      // A changed definition (口径调整) is the reason a verdict is withheld: readers see how it changed, in both languages.
      if (flags.includes('definition_changed') && !draft) {
        if (!rec.get('note')) check.report(rec.line, 'note', 'definitionChangedWithoutNote');
        else if (!rec.get('note_en')) check.report(rec.line, 'note_en', 'definitionChangedNoteWithoutEnglish', rec.get('note')!);
      }
      if (!revised && text && quote && !squash(quote).includes(squash(text))) check.report(rec.line, 'quote', 'textNotInQuote', text, quote);
      checkSource(check, rec, doc, line, revised ? '' : quote, lineEnd);
      (draft ? draftObservations : observations).push({
        district,
        year: check.year(rec, 'year'),
        indicator: indicatorId,
        kind: check.oneOf(rec, 'kind', OBSERVATION_KINDS),
        text,
        value,
        flags,
        source: sourceOf(rec, doc, line, quote, lineEnd),
        ...(rec.get('note') ? { note: rec.get('note') } : {}),
        ...(rec.get('note_en') ? { noteEn: rec.get('note_en') } : {}),
        place: { file, line: rec.line },
      });
    }
  }
  checkDuplicatesAndConflicts(observations, all);

  // Projects
  const projects: Project[] = [];
  const draftProjects: Project[] = [];
  for (const { file, records } of tableSources(dataDir, 'projects', PROJECT_COLUMNS, PROJECT_OPTIONAL_COLUMNS, topSheets, all)) {
    const check = new Checker(file);
    observationChecks.push(check);
    for (const rec of checked(file, records)) {
      const district = check.required(rec, 'district');
      if (district && !districts.has(district)) check.report(rec.line, 'district', 'unknownDistrict', district);
      const flags = rec.list('flags') as Project['flags'] & string[];
      for (const flag of flags) if (!PROJECT_FLAGS.includes(flag)) check.report(rec.line, 'flags', 'unknownFlag', flag, PROJECT_FLAGS);
      const draft = flags.includes('draft');
      // A draft's English name is written when it is reviewed.
      const name = draft ? { zh: check.required(rec, 'zh'), en: rec.get('en') ?? '' } : check.bilingual(rec);
      const doc = check.required(rec, 'doc');
      const line = lineNumber(check, rec);
      const lineEnd = lineEndNumber(check, rec, line);
      checkSource(check, rec, doc, line, name.zh, lineEnd);
      (draft ? draftProjects : projects).push({
        district,
        year: check.year(rec, 'year'),
        sector: check.oneOf(rec, 'sector', SECTORS),
        status: check.oneOf(rec, 'status', PROJECT_STATUSES),
        name,
        source: sourceOf(rec, doc, line, name.zh, lineEnd),
        place: { file, line: rec.line },
        ...(flags.length ? { flags } : {}),
      });
    }
  }

  for (const c of [districtCheck, unitCheck, docCheck, phraseCheck, indicatorCheck, ...observationChecks]) all.push(...c.diagnostics);
  if (hasErrors(all)) throw new DiagnosticError(all);
  return { districts, documents, units, indicators, phrases, observations, projects, drafts: { observations: draftObservations, projects: draftProjects }, texts };
}

/** Same key and same source twice is a duplicate; different values for one key need one `preferred`. */
function checkDuplicatesAndConflicts(observations: Observation[], out: Diagnostic[]): void {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = `${o.district}|${o.year}|${o.indicator}|${o.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  for (const group of groups.values()) {
    const seen = new Map<string, Observation>();
    for (const o of group) {
      const sameSource = `${o.source.doc}|${o.source.line}|${o.text}`;
      const first = seen.get(sameSource);
      if (first) out.push(diagnostic('error', 'duplicateRow', o.place, `${first.place.file}:${first.place.line}`));
      else seen.set(sameSource, o);
    }
    const distinct = new Set(group.map(valueKey));
    // A corrected (revised) value is the one to use unless a row says otherwise.
    const preferred = group.filter((o) => o.flags.includes('preferred')).length;
    const revised = group.filter((o) => o.flags.includes('revised')).length;
    if (distinct.size > 1 && preferred !== 1 && !(preferred === 0 && revised === 1)) {
      const o = group[group.length - 1]!;
      out.push(diagnostic('error', 'conflictWithoutChoice', { ...o.place, field: 'flags' }, group.map((g) => `"${g.text}" at line ${g.place.line}`).join(', ')));
    }
  }
}

/** Two observations agree when their parsed values are the same. */
export function valueKey(o: Observation): string {
  const v = o.value;
  return v.qualifier === 'qualitative' ? `q:${squash(o.text.normalize('NFKC'))}` : `${v.qualifier}:${v.number ?? ''}:${v.change ? `Δ${v.change.baseYear}${v.change.baseIsEstimate}` : ''}`;
}
