// The embedded CJK fonts: loading, glyph coverage checks, text measurement and subsetting.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics.js';

/** The family name used everywhere: pdfmake font key, SVG font-family, DOCX run font. */
export const FONT_FAMILY = 'Noto Sans SC';

export interface FontFace {
  file: string;
  data: Buffer;
  font: fontkit.Font;
}

export interface FontSet {
  regular: FontFace;
  bold: FontFace;
}

export const FONT_FILES = { regular: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' } as const;

function openFace(fontsDir: string, file: string): FontFace {
  const path = join(fontsDir, file);
  const data = readFileSync(path);
  return { file: path, data, font: fontkit.create(data) as fontkit.Font };
}

export function loadFonts(fontsDir: string): FontSet {
  return { regular: openFace(fontsDir, FONT_FILES.regular), bold: openFace(fontsDir, FONT_FILES.bold) };
}

/** Characters the font has no glyph for (whitespace and controls aside). */
export function missingChars(face: FontFace, text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x21 || ch === '\u00a0' || ch === '\u3000') continue;
    if (!face.font.hasGlyphForCodePoint(cp)) missing.add(ch);
  }
  return [...missing];
}

/** Checks every string against both faces; a missing glyph is an error naming the string and where it came from. */
export function checkGlyphs(fonts: FontSet, texts: Iterable<{ text: string; place: Place }>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { text, place } of texts) {
    const missing = [...new Set([...missingChars(fonts.regular, text), ...missingChars(fonts.bold, text)])];
    if (missing.length > 0) {
      const chars = missing.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
      out.push(diagnostic('error', 'missingGlyph', place, chars, text));
    }
  }
  return out;
}

/** Advance width of a single line of text, in the same units as `size`. */
export function measureText(face: FontFace, text: string, size: number): number {
  const run = face.font.layout(text);
  return (run.advanceWidth / face.font.unitsPerEm) * size;
}

/**
 * A TrueType subset holding just the characters of `text` (plus ASCII, for safety). Without layout closure: glyphs
 * that only OpenType substitutions reach (vertical and regional forms, which our horizontal zh-CN text never uses)
 * are left out, a quarter of the size of a CJK subset.
 */
export async function subsetFace(face: FontFace, text: string): Promise<Buffer> {
  let ascii = '';
  for (let c = 0x20; c < 0x7f; c++) ascii += String.fromCharCode(c);
  return subsetFont(face.data, text + ascii, { targetFormat: 'truetype', noLayoutClosure: true });
}
