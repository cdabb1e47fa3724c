// The embedded CJK fonts: loading, glyph coverage checks, text measurement and subsetting.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** A family's two faces under the name documents give it. */
export interface FontFamily {
  name: string;
  regular: FontFace;
  bold: FontFace;
}

export interface FontSet {
  /** Noto Sans SC, the default face everywhere and in every chart. */
  regular: FontFace;
  bold: FontFace;
  /** Families a style asks for, by the name it asks with; one not found stands as its fallback (see FAMILIES). */
  families: Map<string, FontFamily>;
}

export const FONT_FILES = { regular: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' } as const;

const require = createRequire(import.meta.url);
/** A file of an installed font package, or undefined when the package is not installed. */
function packageFile(path: string): string | undefined {
  try {
    return require.resolve(path);
  } catch {
    return undefined;
  }
}

/**
 * Where each family's faces are found: the fonts folder first (a project may add or replace them), then a font package.
 * LXGW WenKai (楷体 stand-in) has no npm package with a TrueType file: a project adds LXGWWenKai-Regular.ttf (and
 * -Medium.ttf for bold) to its fonts folder; without them its headings are set in the fallback.
 */
const FAMILIES: Record<string, { regular: string[]; bold: string[]; fallback?: string }> = {
  [FONT_FAMILY]: { regular: [FONT_FILES.regular], bold: [FONT_FILES.bold] },
  'Noto Serif SC': {
    regular: ['NotoSerifSC-Regular.ttf', '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'],
    bold: ['NotoSerifSC-Bold.ttf', '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'],
    fallback: FONT_FAMILY,
  },
  'LXGW WenKai': { regular: ['LXGWWenKai-Regular.ttf'], bold: ['LXGWWenKai-Medium.ttf', 'LXGWWenKai-Regular.ttf'], fallback: 'Noto Serif SC' },
};

function findFace(fontsDir: string, candidates: string[]): FontFace | undefined {
  for (const c of candidates) {
    const path = c.startsWith('@') ? packageFile(c) : existsSync(join(fontsDir, c)) ? join(fontsDir, c) : undefined;
    if (path) return openFace(path);
  }
  return undefined;
}

/** The families a style names, each found or standing as its fallback; an unknown name is an error. */
function loadFamilies(fontsDir: string, sans: FontFamily, names: string[]): Map<string, FontFamily> {
  const loaded = new Map<string, FontFamily>([[FONT_FAMILY, sans]]);
  const load = (name: string): FontFamily => {
    const known = loaded.get(name);
    if (known) return known;
    const files = FAMILIES[name];
    if (!files) throw new Error(`unknown font family "${name}"; known: ${Object.keys(FAMILIES).join(', ')}`);
    const regular = findFace(fontsDir, files.regular);
    const bold = findFace(fontsDir, files.bold);
    const family = regular && bold ? { name, regular, bold } : load(files.fallback ?? FONT_FAMILY);
    loaded.set(name, family);
    return family;
  };
  names.forEach(load);
  return loaded;
}

function openFace(path: string): FontFace {
  const data = readFileSync(path);
  return { file: path, data, font: fontkit.create(data) as fontkit.Font };
}

/** The bundled Noto Sans SC, and the families a style names (none for the default style). */
export function loadFonts(fontsDir: string, families: string[] = []): FontSet {
  const regular = openFace(join(fontsDir, FONT_FILES.regular));
  const bold = openFace(join(fontsDir, FONT_FILES.bold));
  return { regular, bold, families: loadFamilies(fontsDir, { name: FONT_FAMILY, regular, bold }, families) };
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
  return subsetFont(face.data, text + ascii, { targetFormat: 'truetype', noLayoutClosure: true });
}
