// Exports observations and projects as flat rows (JSON or CSV) with stable, documented columns.
import type { Dataset } from './data/types.js';

/** Columns of `briefing export observations`, in order (documented in docs/export.md). */
export const OBSERVATION_EXPORT_COLUMNS = [
  'district', 'year', 'indicator', 'indicator_zh', 'indicator_en', 'kind', 'text', 'number', 'unit', 'qualifier',
  'change_base_year', 'flags', 'preferred', 'doc', 'line', 'quote', 'note',
] as const;

/** Columns of `briefing export projects`, in order. */
export const PROJECT_EXPORT_COLUMNS = ['district', 'year', 'sector', 'status', 'name_zh', 'name_en', 'doc', 'line'] as const;

type Row = Record<string, string | number | null>;

export function observationRows(data: Dataset): Row[] {
  return data.observations.map((o) => {
    const indicator = data.indicators.get(o.indicator)!;
    return {
      district: o.district,
      year: o.year,
      indicator: o.indicator,
      indicator_zh: indicator.name.zh,
      indicator_en: indicator.name.en,
      kind: o.kind,
      text: o.text,
      number: o.value.number ?? null,
      unit: o.value.change ? '百分点' : o.value.unit ?? indicator.unit,
      qualifier: o.value.qualifier,
      change_base_year: o.value.change?.baseYear ?? null,
      flags: o.flags.filter((f) => f !== 'preferred').join(';'),
      preferred: o.flags.includes('preferred') ? 'yes' : '',
      doc: o.source.doc,
      line: o.source.line,
      quote: o.source.quote,
      note: o.note ?? '',
    };
  });
}

export function projectRows(data: Dataset): Row[] {
  return data.projects.map((p) => ({
    district: p.district, year: p.year, sector: p.sector, status: p.status,
    name_zh: p.name.zh, name_en: p.name.en, doc: p.source.doc, line: p.source.line,
  }));
}

function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Row[], columns: readonly string[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => csvField(r[c] ?? null)).join(','))].join('\n') + '\n';
}

export function toJson(rows: Row[]): string {
  return `${JSON.stringify(rows, null, 1)}\n`;
}
