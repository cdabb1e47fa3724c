// A published value with everything needed to write it (unit, English phrase) and to cite it (document, table or box).
import type { Dataset, Indicator, Observation, Source, SourceDocument, Unit } from '../data/types.js';
import type { ParsedValue } from '../data/parse-value.js';
import { sourcePlaces, type SourcePlace } from './source-place.js';

/** A value as the source publishes it, with its unit and, for a Chinese-only phrase, its English. */
export interface PublishedValue {
  /** The literal text ("7左右", "82.9亿元", "市级暂未反馈"). */
  text: string;
  value: ParsedValue;
  /** The value's unit: the one written beside the number, else the indicator's. */
  unit?: Unit;
  /** The source wrote the unit beside the number (not only in a column header). */
  unitInText: boolean;
  /** English of a qualitative text. */
  english?: string;
}

/** A source document as readers cite it: titles, publisher, date; not its file or text. */
export type DocumentRef = Omit<SourceDocument, 'file' | 'lines'>;

/** Where a reader finds a value: the document and its own table, box or running text. */
export interface Citation {
  document: DocumentRef;
  place: SourcePlace;
}

export function documentRef(d: SourceDocument): DocumentRef {
  const { file: _file, lines: _lines, ...ref } = d;
  return ref;
}

const placesOf = new WeakMap<string[], SourcePlace[]>();

export function citationOf(data: Dataset, source: Source): Citation {
  const doc = data.documents.get(source.doc)!;
  let places = placesOf.get(doc.lines);
  if (!places) placesOf.set(doc.lines, (places = sourcePlaces(doc.lines)));
  return { document: documentRef(doc), place: (source.line === undefined ? placeOfLocator(source.locator) : places[source.line]) ?? { kind: 'text' } };
}

/** A source cited by its own table or box instead of a line: "表1", "专栏2". */
function placeOfLocator(locator: string | undefined): SourcePlace | undefined {
  const m = /^\s*(表|专栏)\s*(\d+)/.exec(locator ?? '');
  return m ? { kind: m[1] === '表' ? 'table' : 'box', number: Number(m[2]), note: false } : undefined;
}

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

export function publishedValue(data: Dataset, o: Observation, indicator: Indicator): PublishedValue {
  const unit = data.units.get(o.value.unit ?? indicator.unit);
  const english = o.value.qualifier === 'qualitative' ? data.phrases.get(squash(o.text)) : undefined;
  return { text: o.text, value: o.value, ...(unit ? { unit } : {}), unitInText: Boolean(o.value.unit), ...(english ? { english } : {}) };
}

/** A published value and where it stands. */
export interface CitedValue {
  published: PublishedValue;
  cited: Citation;
}

export function citedValue(data: Dataset, o: Observation, indicator: Indicator): CitedValue {
  return { published: publishedValue(data, o, indicator), cited: citationOf(data, o.source) };
}
