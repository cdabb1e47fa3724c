// `briefing indicators`: the catalogue as a list (id, names, unit, good direction, which districts report it).
import type { Dataset } from '../data/types.js';

export interface CatalogueRow {
  id: string;
  zh: string;
  en: string;
  unit: string;
  direction: string;
  measure: string;
  /** Districts with at least one value of the indicator. */
  districts: string[];
}

export function indicatorCatalogue(data: Dataset, district?: string): CatalogueRow[] {
  const reporting = new Map<string, Set<string>>();
  for (const o of data.observations) reporting.set(o.indicator, (reporting.get(o.indicator) ?? new Set()).add(o.district));
  return [...data.indicators.values()]
    .sort((a, b) => a.order - b.order)
    .map((i) => ({ id: i.id, zh: i.name.zh, en: i.name.en, unit: i.unit, direction: i.direction, measure: i.measure, districts: [...(reporting.get(i.id) ?? [])].sort() }))
    .filter((r) => !district || r.districts.includes(district));
}

/** Display width: CJK and full-width characters take two columns. */
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

export function indicatorTable(rows: CatalogueRow[]): string {
  const header = ['id', 'zh', 'en', 'unit', 'direction', 'districts'];
  const cells = rows.map((r) => [r.id, r.zh, r.en, r.unit, r.direction, r.districts.join(' ') || '-']);
  const widths = header.map((h, c) => Math.min(c === 2 ? 48 : 40, Math.max(width(h), ...cells.map((row) => width(row[c]!)))));
  return [header, ...cells].map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : pad(cell, widths[c]!))).join('  ')).join('\n') + '\n';
}
