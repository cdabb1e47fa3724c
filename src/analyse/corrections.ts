// Corrections of a document's editions in reader terms: names instead of ids, old and new values as published, the note in both languages.
import type { Bilingual, Dataset, Indicator, ObservationKind } from '../data/types.js';
import { parseValue } from '../data/parse-value.js';
import type { EditionEntry, FigureChange } from '../publish/state.js';
import { publishedValue, type PublishedValue } from './published.js';
import type { TargetStatus } from './evaluate-target.js';

/** Which edition a document is, and what its earlier editions corrected; given by the edition writer. */
export interface EditionInfo {
  edition: number;
  /** Date of the first edition, and of this one. */
  first: string;
  date: string;
  log: EditionEntry[];
}

/** One corrected figure: what the document showed, what it shows now, and why. */
export interface CorrectedValue {
  district: Bilingual;
  year: number;
  indicator: Bilingual;
  kind: ObservationKind;
  old?: PublishedValue;
  new?: PublishedValue;
  note?: Bilingual;
}

/** A derived figure that moved with the correction: a count of targets by status, or a district's rank on an indicator. */
export type ConsequenceFigure =
  | { kind: 'targets'; district: Bilingual; status: TargetStatus }
  | { kind: 'rank'; district: Bilingual; indicator: Bilingual };

export interface Consequence {
  figure: ConsequenceFigure;
  old: string;
  new: string;
}

/** The corrections one edition made. */
export interface CorrectionFinding {
  edition: number;
  date: string;
  values: CorrectedValue[];
  consequences: Consequence[];
}

/** What the briefing or memo says about its edition: number, dates, whether it corrects anything, and the corrections. */
export interface EditionFindings {
  edition: number;
  first: string;
  date: string;
  /** This edition is a correction (not an update). */
  corrected: boolean;
  /** Every correction since the first edition, newest first. */
  corrections: CorrectionFinding[];
}

const nameOf = (b: Bilingual | undefined, id: string): Bilingual => b ?? { zh: id, en: id };

/** A published text as the document would show it (unit, English of a phrase), for an old value no longer in the data. */
function asPublished(data: Dataset, text: string | undefined, indicator: Indicator | undefined): PublishedValue | undefined {
  if (text === undefined) return undefined;
  const parsed = parseValue(text, [...data.units.keys()]);
  const value = parsed.ok ? parsed.value : { qualifier: 'qualitative' as const };
  if (!indicator) return { text, value, unitInText: false };
  return publishedValue(data, { district: '', year: 0, indicator: indicator.id, kind: 'result', text, value, flags: [], source: { doc: '', quote: '' }, place: { file: '', line: 0 } }, indicator);
}

function figureOf(data: Dataset, c: FigureChange): Consequence | undefined {
  const [what, district, id] = c.figure.split(' ');
  const d = nameOf(data.districts.get(district ?? '')?.short, district ?? '');
  if (what === 'targets') return { figure: { kind: 'targets', district: d, status: id as TargetStatus }, old: c.old, new: c.new };
  if (what === 'rank') return { figure: { kind: 'rank', district: d, indicator: nameOf(data.indicators.get(id ?? '')?.name, id ?? '') }, old: c.old, new: c.new };
  return undefined;
}

/** The edition's findings: every correction of the log, newest first, resolved to names and published values. */
export function resolveEdition(data: Dataset, info: EditionInfo | undefined): EditionFindings {
  const edition = info ?? { edition: 1, first: '', date: '', log: [] };
  const corrections = edition.log.filter((e) => e.kind === 'correction').reverse().map((e): CorrectionFinding => ({
    edition: e.edition,
    date: e.date,
    values: (e.changes ?? []).map((ch) => {
      const indicator = data.indicators.get(ch.indicator);
      const old = asPublished(data, ch.old, indicator);
      const now = asPublished(data, ch.new, indicator);
      return {
        district: nameOf(data.districts.get(ch.district)?.short, ch.district),
        year: ch.year,
        indicator: nameOf(indicator?.name, ch.indicator),
        kind: ch.kind as ObservationKind,
        ...(old ? { old } : {}),
        ...(now ? { new: now } : {}),
        ...(ch.note ? { note: ch.note } : {}),
      };
    }),
    consequences: (e.consequences ?? []).map((c) => figureOf(data, c)).filter((c): c is Consequence => c !== undefined),
  }));
  const latest = edition.log.at(-1);
  return { edition: edition.edition, first: edition.first, date: edition.date, corrected: latest?.kind === 'correction' && latest.edition === edition.edition, corrections };
}
