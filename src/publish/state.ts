// The edition state (build-state.json, meant to be committed): per document its edition, dates, output and dependency hashes, and log.
import { existsSync, readFileSync } from 'node:fs';
import type { Dependencies } from './dependencies.js';

/** One changed figure as the log keeps it: the value's key in words of the data, its old and new text, the note. */
export interface ValueChange {
  district: string;
  year: number;
  indicator: string;
  kind: string;
  old?: string;
  new?: string;
  note?: { zh: string; en: string };
}

/** A derived figure (a count of targets met, a rank) that moved with a correction. */
export interface FigureChange {
  figure: string;
  old: string;
  new: string;
}

/** One edition of a document: the first, a correction (with its changes) or an update (no notice). */
export interface EditionEntry {
  edition: number;
  date: string;
  kind: 'first' | 'correction' | 'update';
  /** What an update changed, in a few words for `briefing history` (a template, the tool, a value added). */
  why?: string[];
  changes?: ValueChange[];
  consequences?: FigureChange[];
}

export interface DocumentState {
  edition: number;
  /** Date of the first edition and of this one. */
  first: string;
  date: string;
  /** Output file name → sha256 of its bytes, as last written. */
  files: Record<string, string>;
  dependencies: Dependencies;
  /** Derived figures the document shows (counts of targets met, ranks), to list those a correction changes. */
  figures: Record<string, string>;
  log: EditionEntry[];
}

export interface PublishState {
  version: 2;
  documents: Record<string, DocumentState>;
}

export const emptyState = (): PublishState => ({ version: 2, documents: {} });

/** Reads the state; a state of the earlier format (version 1) starts over, as if nothing had been published. */
export function readState(path: string): PublishState {
  if (!existsSync(path)) return emptyState();
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { version?: number };
  return parsed.version === 2 ? (parsed as PublishState) : emptyState();
}

/** Objects with keys in order, nested to `depth` levels one entry a line, deeper ones on one line: small diffs. */
function stable(value: unknown, depth: number, indent = ''): string {
  if (Array.isArray(value)) {
    if (depth <= 0 || value.length === 0) return JSON.stringify(value.map((v) => JSON.parse(stable(v, 0))));
    const inner = `${indent} `;
    return `[\n${value.map((v) => inner + stable(v, depth - 1, inner)).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (depth <= 0 || entries.length === 0) return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v, 0)}`).join(',')}}`;
    const inner = `${indent} `;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stable(v, depth - 1, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** The state as written: stable key order, one dependency, file or change a line. */
export function serialiseState(state: PublishState): string {
  // version → documents → document → field → entry (a dependency, a file, an edition) → a change, on one line.
  return `${stable({ version: 2, documents: state.documents }, 6)}\n`;
}
