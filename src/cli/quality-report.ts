// Prints the data-quality report as text, grouped by kind, each item with its sources.
import type { QualityItem } from '../analyse/data-quality.js';
import type { Dataset } from '../data/types.js';

const HEADINGS: Record<QualityItem['kind'], string> = {
  plan_conflict: 'Five-year plan and annual report disagree (the value documents use is marked *)',
  base_result: "A plan's base year and the result reported for that year differ",
  conflict: 'Conflicting values (the value documents use is marked *)',
  definition_change: 'Definition or unit changes (one concept, several indicators)',
  changed_definition: 'Values on a changed definition (口径调整), not judged',
  estimate: 'Estimates (预计)',
  pending: 'Pending results (市级暂未反馈)',
  adjusted: 'Targets adjusted mid-year',
  base_revised: 'Values on a revised base',
  single_district: 'Indicators published by one district only',
};

export function qualityReport(data: Dataset, items: QualityItem[]): string {
  const lines: string[] = [];
  for (const kind of Object.keys(HEADINGS) as QualityItem['kind'][]) {
    const ofKind = items.filter((i) => i.kind === kind);
    lines.push(`## ${HEADINGS[kind]}: ${ofKind.length}`, '');
    for (const item of ofKind) {
      lines.push(`- ${item.message}`);
      for (const s of item.sources) {
        const file = data.documents.get(s.doc)?.file ?? s.doc;
        const at = s.line === undefined ? file : `${file}:${s.line}${s.lineEnd ? `-${s.lineEnd}` : ''}`;
        lines.push(`    ${s.used ? '*' : ' '} ${s.doc} (${[at, s.locator].filter(Boolean).join(', ')}): "${s.text}"`);
      }
    }
    lines.push('');
  }
  lines.push('Missing translations: none (loading fails on any; run "briefing validate").', '');
  return lines.join('\n');
}
