// Diagnostics as data: every problem found on the way from data files to documents.
import { messages, type MessageCode } from './messages.js';

export type Severity = 'error' | 'warning';

export interface Place {
  file: string;
  line?: number;
  field?: string;
}

export interface Diagnostic {
  severity: Severity;
  code: MessageCode;
  place?: Place;
  message: string;
}

export function diagnostic<C extends MessageCode>(
  severity: Severity,
  code: C,
  place: Place | undefined,
  ...args: Parameters<(typeof messages)[C]>
): Diagnostic {
  const format = messages[code] as (...a: unknown[]) => string;
  return { severity, code, place, message: format(...args) };
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.place
    ? `${d.place.file}${d.place.line ? `:${d.place.line}` : ''}${d.place.field ? `: ${d.place.field}` : ''}: `
    : '';
  return `${where}${d.severity}: ${d.message} [${d.code}]`;
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

/** Thrown when a stage cannot go on; carries every diagnostic found so far. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
  }
}

export function fail<C extends MessageCode>(code: C, place: Place | undefined, ...args: Parameters<(typeof messages)[C]>): never {
  throw new DiagnosticError([diagnostic('error', code, place, ...args)]);
}
