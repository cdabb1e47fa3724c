// The data a document uses (its slice), its fingerprint, and what changed in it between two builds.
import { createHash } from 'node:crypto';
import type { Dataset } from '../data/types.js';

/** One published value as a document used it, keyed so that a correction can be told from an addition. */
export interface SliceValue {
  key: string;
  district: string;
  year: number;
  indicator: string;
  kind: string;
  text: string;
  flags: string;
  source: string;
}

export interface Change {
  key: string;
  district: string;
  year: number;
  indicator: string;
  kind: string;
  old?: string;
  new?: string;
  source?: string;
}

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * Every value and project of the document's districts, and the other districts' results for `peerYear`
 * (a briefing ranks its district among them): what a correction to any of them changes.
 */
export function dataSlice(data: Dataset, districts: string[], peerYear?: number): { values: SliceValue[]; projects: string[] } {
  const values = data.observations
    .filter((o) => districts.includes(o.district) || (o.year === peerYear && o.kind === 'result'))
    .map((o) => ({
      key: `${o.district}|${o.year}|${o.indicator}|${o.kind}|${o.source.doc}`,
      district: o.district, year: o.year, indicator: o.indicator, kind: o.kind,
      text: o.text, flags: o.flags.join(';'),
      // A revised value's source is the note that says where the correction comes from.
      source: o.flags.includes('revised') && o.note ? o.note : `${o.source.doc}:${o.source.line ?? o.source.locator ?? ''}`,
    }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.source.localeCompare(b.source) || a.text.localeCompare(b.text));
  const projects = data.projects
    .filter((p) => districts.includes(p.district))
    .map((p) => [p.district, p.year, p.sector, p.status, p.name.zh, p.name.en, p.source.doc, p.source.line ?? p.source.locator ?? ''].join('|'))
    .sort();
  return { values, projects };
}

/** Old → new per value key; a key published in several places pairs its values in order. */
export function diffSlices(before: SliceValue[], after: SliceValue[]): Change[] {
  const group = (list: SliceValue[]) => {
    const m = new Map<string, SliceValue[]>();
    for (const v of list) m.set(v.key, [...(m.get(v.key) ?? []), v]);
    return m;
  };
  const a = group(before);
  const b = group(after);
  const changes: Change[] = [];
  for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const olds = a.get(key) ?? [];
    const news = b.get(key) ?? [];
    for (let i = 0; i < Math.max(olds.length, news.length); i++) {
      const o = olds[i];
      const n = news[i];
      if (o && n && o.text === n.text && o.flags === n.flags && o.source === n.source) continue;
      const ref = (n ?? o)!;
      changes.push({
        key, district: ref.district, year: ref.year, indicator: ref.indicator, kind: ref.kind,
        ...(o ? { old: o.text } : {}), ...(n ? { new: n.text, source: n.source } : {}),
      });
    }
  }
  return changes;
}
