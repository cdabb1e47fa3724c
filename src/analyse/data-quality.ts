// The data-quality report: conflicts, definition changes, estimates and pending values, single-district indicators.
import type { Dataset, Indicator, Observation } from '../data/types.js';
import { valueKey } from '../data/load.js';

export interface QualityItem {
  kind: 'conflict' | 'definition_change' | 'estimate' | 'pending' | 'single_district' | 'adjusted' | 'base_revised';
  district?: string;
  indicator: string;
  year?: number;
  message: string;
  sources: { doc: string; line?: number; locator?: string; text: string; used?: boolean }[];
}

const cite = (o: Observation, used?: boolean) => ({ doc: o.source.doc, ...(o.source.line !== undefined ? { line: o.source.line } : {}), ...(o.source.locator ? { locator: o.source.locator } : {}), text: o.text, ...(used === undefined ? {} : { used }) });

export function dataQuality(data: Dataset): QualityItem[] {
  const items: QualityItem[] = [];
  const name = (id: string) => data.indicators.get(id)?.name.en ?? id;

  // Conflicts: one key, different published values.
  const groups = new Map<string, Observation[]>();
  for (const o of data.observations) {
    const key = `${o.district}|${o.year}|${o.indicator}|${o.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  for (const group of groups.values()) {
    if (new Set(group.map(valueKey)).size < 2) continue;
    const used = group.find((o) => o.flags.includes('preferred')) ?? group.find((o) => o.flags.includes('revised'))!;
    items.push({
      kind: 'conflict', district: used.district, indicator: used.indicator, year: used.year,
      message: `${name(used.indicator)} ${used.year} ${used.kind}: ${group.length} different published values; documents use "${used.text}"${used.note ? ` (${used.note})` : ''}`,
      sources: group.map((o) => cite(o, o === used)),
    });
  }

  // Definition changes: the same concept measured by different indicators (unit, level vs rate) across years.
  const byConcept = new Map<string, Observation[]>();
  for (const o of data.observations) {
    const concept = data.indicators.get(o.indicator)!.concept;
    const key = `${o.district}|${concept}`;
    byConcept.set(key, [...(byConcept.get(key) ?? []), o]);
  }
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
