// Resolves pdfmake's text styles once per style in a paragraph instead of once per word, with the same results.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Item = Record<string, unknown> & { text: string; style?: unknown; section?: unknown };
type StyleStack = object;
interface Font {
  lineHeight(size: number): number;
}
interface TextInlines {
  pdfDocument: { provideFont(font: unknown, bold: unknown, italics: unknown): Font };
  widthOfText(text: string, item: Item): number;
  measure(items: Item[], stack: StyleStack): Item[];
}
type GetStyleProperty = (item: object, stack: StyleStack, property: string, defaultValue: unknown) => unknown;

/** What pdfmake's TextInlines.measure reads from the style stack for each word, with its defaults (pdfmake 0.3). */
const WORD_STYLE = {
  font: 'Roboto', bold: false, italics: false, alignment: 'left', fontSize: 12, fontFeatures: null, characterSpacing: 0,
  color: 'black', decoration: null, decorationColor: null, decorationStyle: null, decorationThickness: null, background: null,
  link: null, linkToPage: null, linkToDestination: null, noWrap: null, opacity: 1, sup: false, sub: false, lineHeight: 1,
  preserveLeadingSpaces: false, preserveTrailingSpaces: false,
} as const;
type WordStyle = { -readonly [K in keyof typeof WORD_STYLE]: unknown };

const isValue = (v: unknown) => v !== undefined && v !== null;
const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;

let patched = false;

/**
 * pdfmake measures every word of a paragraph (every character of Chinese text) by looking each of 23 properties up
 * through the whole style stack. A word's value differs from its neighbours' only where the word sets it itself or
 * names another style, so the lookups are made once per named style and the word's own values laid over them. This is
 * pdfmake's measure otherwise unchanged.
 */
export function stylesOncePerParagraph(): void {
  if (patched) return;
  patched = true;
  const getStyleProperty = (require('pdfmake/js/StyleContextStack.js') as { default: { getStyleProperty: GetStyleProperty } }).default.getStyleProperty;
  const inlines = (require('pdfmake/js/TextInlines.js') as { default: { prototype: TextInlines } }).default.prototype;
  inlines.measure = function (this: TextInlines, items, stack) {
    if (items.length) {
      const leadingIndent = getStyleProperty(items[0]!, stack, 'leadingIndent', 0) as number;
      if (leadingIndent) {
        items[0]!.leadingCut = -leadingIndent;
        items[0]!.leadingIndent = leadingIndent;
      }
    }
    const byStyle = new Map<string, WordStyle>();
    const resolved = (item: object) => Object.fromEntries(Object.entries(WORD_STYLE).map(([p, d]) => [p, getStyleProperty(item, stack, p, d)])) as WordStyle;
    const styleOf = (item: Item): WordStyle => {
      // A section is not pushed onto the stack with its style: pdfmake's own lookup for it, word by word.
      if (item.section !== undefined) return resolved(item);
      const key = JSON.stringify(item.style ?? null);
      let style = byStyle.get(key);
      if (!style) byStyle.set(key, (style = resolved(item.style === undefined ? {} : { style: item.style })));
      return style;
    };
    for (const item of items) {
      const inherited = styleOf(item);
      const get = (p: keyof WordStyle) => (isValue(item[p]) ? item[p] : inherited[p]);
      const font = this.pdfDocument.provideFont(get('font'), get('bold'), get('italics'));
      item.font = font;
      // One by one, in pdfmake's order, so that every word has the same shape (a loop of keyed stores would not).
      item.alignment = get('alignment');
      item.fontSize = get('fontSize');
      item.fontFeatures = get('fontFeatures');
      item.characterSpacing = get('characterSpacing');
      item.color = get('color');
      item.decoration = get('decoration');
      item.decorationColor = get('decorationColor');
      item.decorationStyle = get('decorationStyle');
      item.decorationThickness = get('decorationThickness');
      item.background = get('background');
      item.link = get('link');
      item.linkToPage = get('linkToPage');
      item.linkToDestination = get('linkToDestination');
      item.noWrap = get('noWrap');
      item.opacity = get('opacity');
      item.sup = get('sup');
      item.sub = get('sub');
      if (item.sup || item.sub) (item.fontSize as number) *= 0.58;
      item.width = this.widthOfText(item.text, item);
      item.height = font.lineHeight(item.fontSize as number) * (get('lineHeight') as number);
      if (!item.leadingCut) item.leadingCut = 0;
      if (!get('preserveLeadingSpaces')) {
        const leading = item.text.match(LEADING);
        if (leading) (item.leadingCut as number) += this.widthOfText(leading[0], item);
      }
      item.trailingCut = 0;
      if (!get('preserveTrailingSpaces')) {
        const trailing = item.text.match(TRAILING);
        if (trailing) item.trailingCut = this.widthOfText(trailing[0], item);
      }
    }
    return items;
  };
}
