// Where each font family's faces are found, without loading them (a build reads them once for all its workers).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The family name used everywhere: pdfmake font key, SVG font-family, DOCX run font. */
export const FONT_FAMILY = 'Noto Sans SC';

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

/** A family's two faces under the name documents give it: files, or the faces opened from them. */
export interface Faces<F> {
  name: string;
  regular: F;
  bold: F;
}

function findFile(fontsDir: string, candidates: string[]): string | undefined {
  for (const c of candidates) {
    const path = c.startsWith('@') ? packageFile(c) : existsSync(join(fontsDir, c)) ? join(fontsDir, c) : undefined;
    if (path) return path;
  }
  return undefined;
}

/**
 * Noto Sans SC from the fonts folder, and the families a style names, each found or standing as its fallback, every face
 * opened with `open`; an unknown name is an error.
 */
export function resolveFamilies<F>(fontsDir: string, names: string[], open: (path: string) => F): Map<string, Faces<F>> {
  const sans = { name: FONT_FAMILY, regular: open(join(fontsDir, FONT_FILES.regular)), bold: open(join(fontsDir, FONT_FILES.bold)) };
  const loaded = new Map<string, Faces<F>>([[FONT_FAMILY, sans]]);
  const face = (candidates: string[]) => {
    const path = findFile(fontsDir, candidates);
    return path === undefined ? undefined : open(path);
  };
  const load = (name: string): Faces<F> => {
    const known = loaded.get(name);
    if (known) return known;
    const files = FAMILIES[name];
    if (!files) throw new Error(`unknown font family "${name}"; known: ${Object.keys(FAMILIES).join(', ')}`);
    const regular = face(files.regular);
    const bold = face(files.bold);
    const family = regular !== undefined && bold !== undefined ? { name, regular, bold } : load(files.fallback ?? FONT_FAMILY);
    loaded.set(name, family);
    return family;
  };
  names.forEach(load);
  return loaded;
}

/** Every file a font set for these families opens. */
export function fontFiles(fontsDir: string, names: string[]): string[] {
  const files = new Set<string>();
  resolveFamilies(fontsDir, names, (path) => files.add(path));
  return [...files];
}
