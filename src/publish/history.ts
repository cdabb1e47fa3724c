// `briefing history`: each document's editions with their dates, corrections and updates, from the edition state.
import type { EditionEntry, PublishState } from './state.js';

function entryLines(e: EditionEntry): string[] {
  const head = `  edition ${e.edition}  ${e.date}  ${e.kind === 'first' ? 'first edition' : e.kind}`;
  const changes = (e.changes ?? []).map((c) => `      ${c.district} ${c.year} ${c.indicator} (${c.kind}): ${c.old ?? '—'} -> ${c.new ?? '—'}${c.note ? `  [${c.note.zh}${c.note.en !== c.note.zh ? ` / ${c.note.en}` : ''}]` : ''}`);
  const consequences = (e.consequences ?? []).map((c) => `      consequence: ${c.figure}: ${c.old} -> ${c.new}`);
  const why = e.kind === 'update' && e.why ? [`      ${e.why.join('; ')}`] : [];
  return [head, ...changes, ...consequences, ...why];
}

/** The history of every document, or of those whose key starts with `doc` (e.g. "wanzhou-2024", "compare"). */
export function historyText(state: PublishState, doc?: string): { text: string; found: boolean } {
  const keys = Object.keys(state.documents).sort().filter((k) => !doc || k === doc || k.startsWith(doc));
  const text = keys.map((k) => {
    const d = state.documents[k]!;
    return [`${k}: edition ${d.edition} of ${d.date} (first ${d.first})`, ...d.log.slice().reverse().flatMap(entryLines)].join('\n');
  }).join('\n\n');
  return { text: text ? `${text}\n` : '', found: keys.length > 0 };
}
