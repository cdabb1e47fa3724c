// Corrections since the first revision, in reader terms: names instead of ids, the new value's document and table instead of its line.
import type { Correction } from '../build/state.js';
import type { Bilingual, Dataset, ObservationKind } from '../data/types.js';
import { citationOf, type Citation } from './published.js';

export interface CorrectionFinding {
  revision: number;
  date: string;
  district: Bilingual;
  year: number;
  indicator: Bilingual;
  kind: ObservationKind;
  old?: string;
  new?: string;
  /** Where the new value comes from: a cited place in a source document, or the note given with the correction. */
  source?: Citation | string;
}

/** Newest revision first, one entry per changed value. */
export function resolveCorrections(data: Dataset, corrections: Correction[] | undefined): CorrectionFinding[] {
  return [...(corrections ?? [])].reverse().flatMap((c) =>
    c.changes.map((ch) => {
      const [doc, line] = (ch.source ?? '').split(':');
      const source = doc && data.documents.has(doc) && /^\d+$/.test(line ?? '') ? citationOf(data, { doc, line: Number(line), quote: '' }) : ch.source;
      const name = (b: Bilingual | undefined, id: string) => b ?? { zh: id, en: id };
      return {
        revision: c.revision,
        date: c.date,
        district: name(data.districts.get(ch.district)?.short, ch.district),
        year: ch.year,
        indicator: name(data.indicators.get(ch.indicator)?.name, ch.indicator),
        kind: ch.kind as ObservationKind,
        ...(ch.old !== undefined ? { old: ch.old } : {}),
        ...(ch.new !== undefined ? { new: ch.new } : {}),
        ...(source !== undefined ? { source } : {}),
      };
    }));
}
