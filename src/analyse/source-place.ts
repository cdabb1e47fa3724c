// Where a line of a source document stands, in the document's own terms: a numbered table (表N), a box (专栏N), a table's note, or the running text.

/** A place a reader can find in the source document itself. */
export type SourcePlace =
  | { kind: 'table' | 'box'; number: number; note: boolean }
  | { kind: 'text' };

const CAPTION = /^\s*(表|专栏)\s*(\d+)(?=[\s：:\u00a0\u3000]|$)/;
/** An outline heading of the running text: 第二章, 第一节, （二）, 二、, 1. — a short line of its own. */
const HEADING = /^\s*(第[一二三四五六七八九十百]+[章节篇]|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+[.．、]\s*[^\d\s])/;
const HEADING_MAX_CHARS = 40;
/** A paragraph of running text: long, not a table cell (cells start with a tab), not a list item or a labelled entry. */
const PROSE_MIN_CHARS = 80;
const LIST_OR_LABEL = /^\s*(（?[一二三四五六七八九十\d]+[、.．）)]|[^\s：:。，]{1,12}[：:])/;
const NOTE = /^\s*注[：:\s]/;

const isHeading = (line: string) => HEADING.test(line) && line.trim().length <= HEADING_MAX_CHARS && !line.startsWith('\t');
const isProse = (line: string) => !line.startsWith('\t') && line.trim().length >= PROSE_MIN_CHARS && !LIST_OR_LABEL.test(line) && !NOTE.test(line);

/**
 * The place of every line (1-based) of a source text. A table or box runs from its caption to the line
 * before the next caption, outline heading or paragraph of running text; a line starting 注 inside it,
 * or right after it, is its note.
 */
export function sourcePlaces(lines: string[]): SourcePlace[] {
  const places: SourcePlace[] = [{ kind: 'text' }];
  let open: { kind: 'table' | 'box'; number: number; note: boolean } | undefined;
  for (const line of lines) {
    const caption = CAPTION.exec(line);
    if (caption) open = { kind: caption[1] === '表' ? 'table' : 'box', number: Number(caption[2]), note: false };
    else if (open && NOTE.test(line)) open = { ...open, note: true };
    else if (open && (isHeading(line) || isProse(line))) open = undefined;
    places.push(open ?? { kind: 'text' });
  }
  return places;
}
