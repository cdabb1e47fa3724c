// Decides what changed for one document since its current edition: nothing, a correction (a notice) or an update (none).
import type { Observation } from '../data/types.js';
import { valueKey as sameValueKey } from '../data/load.js';
import type { Dependencies } from './dependencies.js';
import type { DocumentState, FigureChange, ValueChange } from './state.js';

export interface Verdict {
  kind: 'first' | 'unchanged' | 'correction' | 'update';
  /** Corrected values, old → new with the note (a correction only). */
  changes: ValueChange[];
  /** Derived figures that moved with the correction. */
  consequences: FigureChange[];
  /** What else changed, in a few words for the log: "template …", "code", "value added: …". */
  why: string[];
}

const textOf = (dep: string | undefined) => dep?.slice(dep.indexOf(' ') + 1);
const hashOf = (dep: string | undefined) => dep?.slice(0, dep.indexOf(' '));

/**
 * A shown value whose text changed and which is flagged `revised` or carries a note is a correction.
 * A value newly shown or no longer shown, a changed flag or source, projects, templates, messages, the
 * catalogue, fonts, style, the tool's code or the settings make an update: a new edition without a notice.
 */
export function whatChanged(previous: DocumentState | undefined, now: Dependencies, figures: Record<string, string>, observations: Map<string, Observation>): Verdict {
  if (!previous) return { kind: 'first', changes: [], consequences: [], why: [] };
  const changes: ValueChange[] = [];
  // One figure published twice (a table cell and a sentence), corrected alike, is one correction.
  const corrected = new Set<string>();
  const why: string[] = [];
  const before = previous.dependencies;
  for (const key of [...new Set([...Object.keys(before.values), ...Object.keys(now.values)])].sort()) {
    const old = before.values[key];
    const dep = now.values[key];
    if (old === dep) continue;
    if (old === undefined) why.push(`value added: ${key}`);
    else if (dep === undefined) why.push(`value removed: ${key}`);
    else if (hashOf(old) !== hashOf(dep)) {
      const o = observations.get(key)!;
      if (textOf(old) !== o.text && (o.flags.includes('revised') || o.note)) {
        const figure = [o.district, o.year, o.indicator, o.kind, /[-−]?\d+(?:\.\d+)?/.exec(textOf(old)!)?.[0] ?? textOf(old), sameValueKey(o)].join('|');
        if (corrected.has(figure)) continue;
        corrected.add(figure);
        changes.push({
          district: o.district, year: o.year, indicator: o.indicator, kind: o.kind, old: textOf(old)!, new: o.text,
          ...(o.note ? { note: { zh: o.note, en: o.noteEn ?? o.note } } : {}),
        });
      } else why.push(`value updated: ${key}`);
    }
  }
  if (before.projects !== now.projects) why.push('projects');
  for (const key of [...new Set([...Object.keys(before.inputs), ...Object.keys(now.inputs)])].sort()) {
    if (before.inputs[key] !== now.inputs[key]) why.push(key);
  }
  if (changes.length > 0) {
    const consequences = [...new Set([...Object.keys(previous.figures), ...Object.keys(figures)])].sort()
      .filter((k) => previous.figures[k] !== figures[k])
      .map((k) => ({ figure: k, old: previous.figures[k] ?? '—', new: figures[k] ?? '—' }));
    return { kind: 'correction', changes, consequences, why };
  }
  return { kind: why.length > 0 ? 'update' : 'unchanged', changes: [], consequences: [], why };
}
