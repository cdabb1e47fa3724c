// Loads the template texts (templates/i18n/<lang>.yaml): one flat key → text map per language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fail } from '../diagnostics.js';
import type { Lang } from '../data/types.js';

export type Messages = Map<string, string>;

function flatten(value: unknown, prefix: string, out: Messages): void {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, String(value ?? ''));
}

/** Parsed message files by their text: each file is parsed once per process, and again only when it changes. */
const parsedTexts = new Map<string, Messages>();

export function loadMessages(templatesDir: string, lang: Lang): Messages {
  const file = join(templatesDir, 'i18n', `${lang}.yaml`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
    const cached = parsedTexts.get(text);
    if (cached) return cached;
    const out: Messages = new Map();
    flatten(parse(text), '', out);
    parsedTexts.set(text, out);
    return out;
  } catch (e) {
    return fail('templateError', { file: `templates/i18n/${lang}.yaml` }, (e as Error).message);
  }
}

export function message(messages: Messages, key: string, lang: Lang): string {
  const text = messages.get(key);
  if (text === undefined) return fail('missingMessage', { file: `templates/i18n/${lang}.yaml`, field: key }, key, lang);
  return text;
}
