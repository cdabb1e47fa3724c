// Where a quote stands in a source text: on one line, or over a range of lines (a passage that runs on to the next line).

export const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

/** Lines `line` to `lineEnd` of a source text (1-based, both included) joined, spaces removed; undefined outside the text. */
export function linesText(lines: readonly string[], line: number, lineEnd = line): string | undefined {
  if (!(Number.isInteger(line) && Number.isInteger(lineEnd) && line >= 1 && lineEnd >= line && lineEnd <= lines.length)) return undefined;
  return squash(lines.slice(line - 1, lineEnd).join(''));
}

/** Whether `quote` stands on line `line`, or over lines `line` to `lineEnd` read as one. */
export function standsOn(lines: readonly string[], quote: string, line: number, lineEnd = line): boolean {
  return linesText(lines, line, lineEnd)?.includes(squash(quote)) ?? false;
}

/** Whether a range is no wider than its quote: the quote needs both its first and its last line. */
export function rangeNeeded(lines: readonly string[], quote: string, line: number, lineEnd: number): boolean {
  return !standsOn(lines, quote, line, lineEnd - 1) && !standsOn(lines, quote, line + 1, lineEnd);
}
