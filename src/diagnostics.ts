// Diagnostics as data: every problem found on the way from data files to documents.
import { messages, type MessageCode } from './messages.js';
import { messagesZh } from './messages-zh.js';
import { localeIsChinese } from './locale.js';

export type Severity = 'error' | 'warning';

export interface Place {
  file: string;
  line?: number;
  column?: number;
  field?: string;
}

export interface Diagnostic {
  severity: Severity;
  code: MessageCode;
  place?: Place;
  message: string;
  /** The offending line of the file, shown under the message with a caret at the column. */
  excerpt?: string;
}

export function diagnostic<C extends MessageCode>(
  severity: Severity,
  code: C,
  place: Place | undefined,
  ...args: Parameters<(typeof messages)[C]>
): Diagnostic {
  // In the user's language: a diagnostic is read by whoever runs the command.
  const format = (localeIsChinese() ? messagesZh : messages)[code] as (...a: unknown[]) => string;
  return { severity, code, place, message: format(...args) };
}

export function formatDiagnostic(d: Diagnostic): string {
  const p = d.place;
  const where = p ? `${p.file}${p.line ? `:${p.line}` : ''}${p.line && p.column ? `:${p.column}` : ''}${p.field ? `: ${p.field}` : ''}: ` : '';
  const excerpt = d.excerpt === undefined ? '' : `\n    ${JSON.stringify(d.excerpt).slice(1, -1)}${p?.column ? `\n    ${' '.repeat(p.column - 1)}^` : ''}`;
  const severity = localeIsChinese() ? { error: '错误', warning: '警告' }[d.severity] : d.severity;
  return `${where}${severity}: ${d.message} [${d.code}]${excerpt}`;
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
