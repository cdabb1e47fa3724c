// The embedded CJK fonts: loading, glyph coverage checks, text measurement and subsetting.
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics.js';
import { FONT_FAMILY, resolveFamilies, type Faces } from './font-files.js';

export { FONT_FAMILY, FONT_FILES } from './font-files.js';

export interface FontFace {
  file: string;
  data: Buffer;
  font: fontkit.Font;
}

/** A family's two faces under the name documents give it. */
export type FontFamily = Faces<FontFace>;

export interface FontSet {
  /** Noto Sans SC, the default face everywhere and in every chart. */
  regular: FontFace;
  bold: FontFace;
  /** Families a style asks for, by the name it asks with; one not found stands as its fallback (see font-files.ts). */
  families: Map<string, FontFamily>;
}

function openFace(path: string, read: (path: string) => Buffer): FontFace {
  const data = read(path);
  return { file: path, data, font: fontkit.create(data) as fontkit.Font };
}

/** The bundled Noto Sans SC, and the families a style names (none for the default style). */
export function loadFonts(fontsDir: string, families: string[] = [], read: (path: string) => Buffer = (path) => readFileSync(path)): FontSet {
  const loaded = resolveFamilies(fontsDir, families, (path) => openFace(path, read));
  const { regular, bold } = loaded.get(FONT_FAMILY)!;
  return { regular, bold, families: loaded };
}

/** A family by the name a style gives it (Noto Sans SC when the style names none the set has). */
export function familyOf(fonts: FontSet, name: string): FontFamily {
  return fonts.families.get(name) ?? { name: FONT_FAMILY, regular: fonts.regular, bold: fonts.bold };
}

/** Every face in the set, once. */
export function facesOf(fonts: FontSet): FontFace[] {
  return [...new Set([fonts.regular, fonts.bold, ...[...fonts.families.values()].flatMap((f) => [f.regular, f.bold])])];
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

/** Checks every string against every face of the set; a missing glyph is an error naming the string and where it came from. */
export function checkGlyphs(fonts: FontSet, texts: Iterable<{ text: string; place: Place }>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { text, place } of texts) {
    const missing = [...new Set(facesOf(fonts).flatMap((face) => missingChars(face, text)))];
    if (missing.length > 0) {
      const chars = missing.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
      out.push(diagnostic('error', 'missingGlyph', place, chars, text));
    }
  }
  return out;
}

/** Advance width of a single line of text, in the same units as `size`. */
export function measureText(face: FontFace, text: string, size: number): number {
  let widths = advances.get(face);
  if (!widths) advances.set(face, (widths = new Map()));
  let advance = widths.get(text);
  if (advance === undefined) widths.set(text, (advance = face.font.layout(text).advanceWidth));
  return (advance / face.font.unitsPerEm) * size;
}
/** Each face's laid-out text widths, in font units: tables repeat their values and words. */
const advances = new WeakMap<FontFace, Map<string, number>>();

/**
 * A TrueType subset holding just the characters of `text` (plus ASCII, for safety). Without layout closure: glyphs
 * that only OpenType substitutions reach (vertical and regional forms, which our horizontal zh-CN text never uses)
 * are left out, a quarter of the size of a CJK subset.
 */
export async function subsetFace(face: FontFace, text: string): Promise<Buffer> {
  let ascii = '';
  for (let c = 0x20; c < 0x7f; c++) ascii += String.fromCharCode(c);
  // Loaded when first needed: with it comes a WOFF2 coder (two WebAssembly modules), which a thread that never subsets need not hold.
  const { default: subsetFont } = await import('subset-font');
  return subsetFont(face.data, text + ascii, { targetFormat: 'truetype', noLayoutClosure: true });
}
