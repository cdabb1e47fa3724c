// Build state (build-state.json, meant to be committed): per document its revision, fingerprints, data and corrections.
import { existsSync, readFileSync } from 'node:fs';
import type { Change, SliceValue } from './slice.js';

export interface Correction {
  revision: number;
  date: string;
  changes: Change[];
}

export interface DocumentState {
  revision: number;
  /** Fingerprint of everything the document used: data, catalogue, templates, fonts, tool, settings. */
  inputs: string;
  /** Fingerprint of its data slice alone: a change here is a correction and a new revision. */
  data: string;
  values: SliceValue[];
  files: string[];
  corrections: Correction[];
}

export interface BuildState {
  version: 1;
  documents: Record<string, DocumentState>;
}

export function readState(path: string): BuildState {
  if (!existsSync(path)) return { version: 1, documents: {} };
  return JSON.parse(readFileSync(path, 'utf8')) as BuildState;
}

export function serialiseState(state: BuildState): string {
  const sorted = Object.fromEntries(Object.entries(state.documents).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ version: 1, documents: sorted }, null, 1)}\n`;
}
