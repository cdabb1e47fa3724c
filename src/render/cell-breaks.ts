// Where the text of a table cell may break: never inside a short value, a quoted term or a short bracket, nor inside an English word.
//
// Chinese is set breaking between any two characters, and so are the longer Chinese texts of a cell; but a value
// such as "1000以上", "6.5左右" or "0.3个百分点以上", or a short phrase such as "市级暂未反馈", is read as one, a quoted term such as "“十四五”" as a name, and a bracket such as
// "（%）" or "（预计，来源不一）" stays whole or breaks after a comma. English breaks at its spaces, never inside a word.

import { createRequire } from 'node:module';

/** A piece of a cell's text this short (in characters) that holds a figure and no space is one value. */
export const VALUE_CHARS = 10;
/** A piece this short without a space is one word or phrase ("市级暂未反馈", "已达到"): no character of it is left alone on a line. */
export const PHRASE_CHARS = 6;

/** Quoted terms short enough to keep whole, a change in percentage points, and Chinese brackets (kept whole, or item by item). */
const GROUP = /“[^”]{1,6}”|‘[^’]{1,6}’|[-−]?\d+(?:\.\d+)?个?百分点(?:以上|以下|以内|左右)?|（[^（）]+）|\([^()\s]{1,8}\)/g;

/** A bracket longer than this (in characters, inside it) may break after each of its commas; an item longer than ITEM_CHARS, anywhere. */
const BRACKET_CHARS = 8;
const ITEM_CHARS = 12;

export interface Segment {
  text: string;
  /** Set where the text must not break. */
  keep: boolean;
}

const isValue = (text: string) => !/\s/.test(text) && [...text].length <= (/\d/.test(text) ? VALUE_CHARS : PHRASE_CHARS);

/** A text in order, as pieces that may break inside (keep false) and pieces that may not. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  const between = (part: string) => {
    if (part) out.push({ text: part, keep: isValue(part) });
  };
  let last = 0;
  for (const m of text.matchAll(GROUP)) {
    between(text.slice(last, m.index));
    const items = [...m[0]].length - 2 > BRACKET_CHARS ? m[0].split(/(?<=[，、；])/) : [m[0]];
    out.push(...items.map((item) => ({ text: item, keep: [...item].length <= ITEM_CHARS })));
    last = m.index + m[0].length;
  }
  between(text.slice(last));
  return out;
}

type LineBreaker = new (text: string) => { nextBreak(): { position: number } | null };
/** The Unicode line breaking pdfmake itself uses (UAX #14), from pdfmake's own dependency. */
const LineBreak = createRequire(createRequire(import.meta.url).resolve('pdfmake'))('linebreak') as LineBreaker;

/** A text's words, where UAX #14 allows a break after each (a Chinese character is a word; a quotation mark holds to its neighbours). */
function words(text: string): string[] {
  const breaker = new LineBreak(text);
  const out: string[] = [];
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    out.push(text.slice(last, bk.position));
    last = bk.position;
  }
  return out;
}

/**
 * The pieces of a text that cannot break, as a renderer breaking by UAX #14 sets it: the kept segments and the words
 * of the others, joined where no break falls between them (after "”", before "）").
 */
export function unbreakable(text: string): string[] {
  const pieces: string[] = [];
  let tail = '';
  for (const unit of segments(text).flatMap((s) => (s.keep ? [s.text] : words(s.text)))) {
    const unitWords = words(unit);
    // As pdfmake joins two pieces: when the last word of one and the first of the next make one word.
    if (pieces.length > 0 && words(tail + unitWords[0]!).length === 1) pieces[pieces.length - 1] += unit;
    else pieces.push(unit);
    tail = unitWords.length > 1 ? unitWords.at(-1)! : words(tail + unit).at(-1)!;
  }
  return pieces.map((p) => p.trimEnd()).filter(Boolean);
}
