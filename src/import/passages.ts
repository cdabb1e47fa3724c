// A report's text as passages: a paragraph broken over lines read as one, spaces dropped, each character keeping its line.
import { squash } from './tables.js';

export interface Passage {
  /** The passage's text, spaces dropped. */
  text: string;
  /** Where each joined line starts in `text`, and its 1-based line number. */
  parts: { start: number; line: number }[];
}

/** The line number of the character at `at` of a passage. */
export function lineAt(passage: Passage, at: number): number {
  let line = passage.parts[0]!.line;
  for (const part of passage.parts) if (part.start <= at) line = part.line;
  return line;
}

/** A passage of lines read as one, in order (1-based line numbers). */
export function passageOf(lines: string[], lineNumbers: number[]): Passage {
  const parts: Passage['parts'] = [];
  let text = '';
  for (const line of lineNumbers) {
    parts.push({ start: text.length, line });
    // A bookmark a DOCX converter left in the text ("[bookmark: OLE_LINK1]") is no part of it.
    text += squash(lines[line - 1]!).replace(/\[bookmark:[^\]]*\]/g, '');
  }
  return { text, parts };
}

const HEADING = /^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[篇章节])/;
const CAPTION = /^\s*(?:表|专栏)\s*\d/;
/** A line opening with its own label ("能源配套：…") starts a list of its own. */
const LABELLED = /^\s*[^，,。：:、；;]{2,16}[：:]/;
/** A line ends its paragraph when it ends a sentence, or is too short to be a line of running text. */
const ENDS = /[。；;！？!?：:]$/;

/** Every paragraph of the report not among the lines `skip`; a table cell ("\t") is a passage of its own. */
export function passages(lines: string[], skip: Set<number>): Passage[] {
  const out: Passage[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (skip.has(index + 1) || !squash(lines[index]!)) continue;
    const joined = [index + 1];
    for (let next = continuation(lines, index, skip); next !== undefined; next = continuation(lines, index, skip)) {
      joined.push(next + 1);
      index = next;
    }
    out.push(passageOf(lines, joined));
  }
  return out;
}

/** The line going on with line `index`'s paragraph after a line break or a page break (a few blank lines), if any. */
function continuation(lines: string[], index: number, skip: Set<number>): number | undefined {
  const line = squash(lines[index]!);
  if (line.length < 20 || lines[index]!.startsWith('\t') || ENDS.test(line)) return undefined;
  let next = index + 1;
  while (next < lines.length && next <= index + 4 && !squash(lines[next]!)) next++;
  const text = lines[next];
  if (text === undefined || !squash(text) || skip.has(next + 1) || text.startsWith('\t') || HEADING.test(text) || CAPTION.test(text) || LABELLED.test(text)) return undefined;
  return next;
}
