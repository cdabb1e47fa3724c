// Reads the project's style settings (styles.yaml): which built-in style preset its documents are set in.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { diagnostic, DiagnosticError } from '../diagnostics.js';
import { DEFAULT_STYLE, PRESETS, type Style } from '../render/style.js';

/** Keys styles.yaml may hold. */
export const STYLE_KEYS = ['preset'] as const;

/** The style a styles.yaml chooses (`preset: gbt9704`); the default style without a file or a preset. */
export function loadStyle(file?: string): Style {
  if (!file) return DEFAULT_STYLE;
  const name = basename(file);
  const fail = (reason: string, field?: string): never => {
    throw new DiagnosticError([diagnostic('error', 'settingsError', { file: name, field }, reason)]);
  };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DiagnosticError([diagnostic('error', 'fileUnreadable', { file: name }, (e as Error).message)]);
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) fail(doc.errors[0]!.message.split('\n')[0]!);
  if (doc.contents === null) return DEFAULT_STYLE;
  if (!isMap(doc.contents)) fail('the style settings must be a map of keys to values');
  const settings = doc.toJS() as Record<string, unknown>;
  for (const key of Object.keys(settings)) if (!(STYLE_KEYS as readonly string[]).includes(key)) fail(`unknown style setting "${key}"; known settings: ${STYLE_KEYS.join(', ')}`, key);
  const preset = settings.preset ?? 'default';
  if (typeof preset !== 'string' || !PRESETS[preset]) fail(`unknown preset "${String(preset)}"; presets: ${Object.keys(PRESETS).join(', ')}`, 'preset');
  return PRESETS[preset as string]!;
}
