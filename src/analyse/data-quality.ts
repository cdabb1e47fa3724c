// The data-quality report: conflicts, definition changes, estimates and pending values, single-district indicators.
import type { Dataset, Indicator, Observation } from '../data/types.js';
import { valueKey } from '../data/load.js';
import { citationOf } from './published.js';

export interface QualityItem {
  kind: 'plan_conflict' | 'base_result' | 'conflict' | 'definition_change' | 'changed_definition' | 'estimate' | 'pending' | 'single_district' | 'adjusted' | 'base_revised';
  district?: string;
  indicator: string;
  year?: number;
  message: string;
  sources: { doc: string; line?: number; lineEnd?: number; locator?: string; text: string; used?: boolean }[];
}

const cite = (o: Observation, used?: boolean) => ({
  doc: o.source.doc, ...(o.source.line !== undefined ? { line: o.source.line } : {}), ...(o.source.lineEnd !== undefined ? { lineEnd: o.source.lineEnd } : {}),
  ...(o.source.locator ? { locator: o.source.locator } : {}), text: o.text, ...(used === undefined ? {} : { used }),
});

/** What kind of document a source is, in words: a five-year plan, an annual plan report, a government work report. */
const KIND_WORDS: Record<string, string> = { five_year_plan: 'five-year plan', plan_report: 'annual plan report', government_work_report: 'government work report' };

/** A source in words, for a reader: its kind and short name, the table or box the value stands in, its file and line. */
function sourceInWords(data: Dataset, o: Observation): string {
  const doc = data.documents.get(o.source.doc)!;
  const { place } = citationOf(data, o.source);
  const box = o.source.locator ?? (place.kind !== 'text' ? `${place.kind === 'table' ? '表' : '专栏'}${place.number}` : undefined);
  const lines = o.source.line === undefined ? '' : o.source.lineEnd ? ` lines ${o.source.line}-${o.source.lineEnd}` : ` line ${o.source.line}`;
  return `the ${KIND_WORDS[doc.kind] ?? doc.kind} "${doc.short.en}"${box ? ` (${box})` : ''}, ${doc.file}${lines}, gives "${o.text}"`;
}

/** Observations grouped by a key, in data order. */
function groupBy(list: Observation[], key: (o: Observation) => string): Map<string, Observation[]> {
  const groups = new Map<string, Observation[]>();
  for (const o of list) {
    const k = key(o);
    const group = groups.get(k);
    if (group) group.push(o);
    else groups.set(k, [o]);
  }
  return groups;
}

/** Whether two exact numbers are one figure given to different precision (4.37 and 4.4). */
function roundsTo(a: Observation, b: Observation): boolean {
  const [x, y] = [a.value, b.value];
  if (x.qualifier !== y.qualifier || x.number === undefined || y.number === undefined || x.change || y.change) return false;
  const places = (n: string) => n.split('.')[1]?.length ?? 0;
  const [fine, coarse] = places(x.number) >= places(y.number) ? [x.number, y.number] : [y.number, x.number];
  return Number(Number(fine).toFixed(places(coarse))) === Number(coarse);
}

export function dataQuality(data: Dataset): QualityItem[] {
  const items: QualityItem[] = [];
  const name = (id: string) => data.indicators.get(id)?.name.en ?? id;

  // Conflicts: one key, different published values.
  const groups = groupBy(data.observations, (o) => `${o.district}|${o.year}|${o.indicator}|${o.kind}`);
  const isPlan = (o: Observation) => data.documents.get(o.source.doc)!.kind === 'five_year_plan';
  for (const group of groups.values()) {
    if (new Set(group.map(valueKey)).size < 2) continue;
    const used = group.find((o) => o.flags.includes('preferred')) ?? group.find((o) => o.flags.includes('revised'))!;
    // A five-year plan and an annual report that disagree on the same value: each source named, the plan's first.
    const plans = group.filter(isPlan);
    const reports = group.filter((o) => !isPlan(o));
    if (plans.some((p) => reports.some((r) => valueKey(r) !== valueKey(p)))) {
      items.push({
        kind: 'plan_conflict', district: used.district, indicator: used.indicator, year: used.year,
        message: `${used.district} ${used.year} ${name(used.indicator)} ${used.kind}: ${[...plans, ...reports].map((o) => sourceInWords(data, o)).join('; ')}; documents use "${used.text}"${used.note ? ` (${used.note})` : ''}`,
        sources: [...plans, ...reports].map((o) => cite(o, o === used)),
      });
      continue;
    }
    items.push({
      kind: 'conflict', district: used.district, indicator: used.indicator, year: used.year,
      message: `${name(used.indicator)} ${used.year} ${used.kind}: ${group.length} different published values; documents use "${used.text}"${used.note ? ` (${used.note})` : ''}`,
      sources: group.map((o) => cite(o, o === used)),
    });
  }

  // A plan's base year (its 2020 column) against the result reported for that year: one figure published twice.
  const results = groupBy(data.observations.filter((o) => o.kind === 'result'), (o) => `${o.district}|${o.year}|${o.indicator}`);
  for (const base of data.observations.filter((o) => o.kind === 'base')) {
    // Where one reported result equals the base, the others disagree with it and are listed as conflicting values.
    const reported = results.get(`${base.district}|${base.year}|${base.indicator}`) ?? [];
    const differing = reported.filter((r) => valueKey(r) !== valueKey(base));
    if (differing.length === 0 || differing.length < reported.length) continue;
    const rounded = differing.every((r) => roundsTo(base, r));
    items.push({
      kind: 'base_result', district: base.district, indicator: base.indicator, year: base.year,
      message: `${base.district} ${base.year} ${name(base.indicator)}: the base, ${sourceInWords(data, base)}; the reported result, ${differing.map((r) => sourceInWords(data, r)).join('; ')}${rounded ? ' (the same figure, rounded)' : ''}`,
      sources: [base, ...differing].map((o) => cite(o)),
    });
  }

  // Definition changes: the same concept measured by different indicators (unit, level vs rate) across years.
  const byConcept = groupBy(data.observations, (o) => `${o.district}|${data.indicators.get(o.indicator)!.concept}`);
  for (const [key, list] of byConcept) {
    const ids = [...new Set(list.map((o) => o.indicator))];
    if (ids.length < 2) continue;
    const [district] = key.split('|');
    const describe = (i: Indicator) => `${i.id} (${i.measure}, ${i.unit})`;
    const years = (id: string) => [...new Set(list.filter((o) => o.indicator === id).map((o) => o.year))].sort().join(', ');
    items.push({
      kind: 'definition_change', district, indicator: ids[0]!,
      message: `${district}: "${data.indicators.get(ids[0]!)!.concept}" is published as ${ids.map((id) => `${describe(data.indicators.get(id)!)} in ${years(id)}`).join('; ')}`,
      sources: ids.map((id) => cite(list.find((o) => o.indicator === id)!)),
    });
  }

  for (const o of data.observations) {
    if (o.flags.includes('estimate')) items.push({ kind: 'estimate', district: o.district, indicator: o.indicator, year: o.year, message: `${o.district} ${o.year} ${name(o.indicator)} ${o.kind} "${o.text}" is an estimate (预计)`, sources: [cite(o)] });
    if (o.value.qualifier === 'pending') items.push({ kind: 'pending', district: o.district, indicator: o.indicator, year: o.year, message: `${o.district} ${o.year} ${name(o.indicator)} ${o.kind} is pending: "${o.text}"`, sources: [cite(o)] });
    if (o.flags.includes('adjusted')) items.push({ kind: 'adjusted', district: o.district, indicator: o.indicator, year: o.year, message: `${o.district} ${o.year} ${name(o.indicator)} target "${o.text}" was adjusted mid-year`, sources: [cite(o)] });
    if (o.flags.includes('definition_changed')) items.push({ kind: 'changed_definition', district: o.district, indicator: o.indicator, year: o.year, message: `${o.district} ${o.year} ${name(o.indicator)} ${o.kind} "${o.text}" is measured on a changed definition (口径调整), not judged against its target: ${o.noteEn ?? o.note ?? ''}`, sources: [cite(o)] });
    if (o.flags.includes('base_revised')) items.push({ kind: 'base_revised', district: o.district, indicator: o.indicator, year: o.year, message: `${o.district} ${o.year} ${name(o.indicator)} "${o.text}" stands on a revised base${o.note ? `: ${o.note}` : ''}`, sources: [cite(o)] });
  }

  // Indicators only one district publishes: not comparable across districts.
  for (const indicator of data.indicators.values()) {
    const districts = new Set(data.observations.filter((o) => o.indicator === indicator.id).map((o) => o.district));
    if (districts.size === 1) {
      const [district] = districts;
      const first = data.observations.find((o) => o.indicator === indicator.id)!;
      items.push({ kind: 'single_district', district, indicator: indicator.id, message: `${indicator.id} (${indicator.name.en}) is published by ${district} only`, sources: [cite(first)] });
    }
  }
  return items;
}
