// Renders a Handlebars briefing template, in one language, to the light markup.
import Handlebars from 'handlebars';
import type { Lang } from '../data/types.js';
import { fail } from '../diagnostics.js';
import { message, type Messages } from './messages-i18n.js';

const hb = Handlebars.create();
/** Compiled templates by source text: a template and each message text are compiled once per process. */
const compiled = new Map<string, HandlebarsTemplateDelegate>();

function compile(source: string, strict: boolean): HandlebarsTemplateDelegate {
  const key = `${strict ? 's' : 'l'}${source}`;
  let template = compiled.get(key);
  if (!template) {
    template = hb.compile(source, { noEscape: true, strict });
    compiled.set(key, template);
  }
  return template;
}

export function renderTemplate(source: string, file: string, context: object, messages: Messages, lang: Lang): string {
  // {{t "key"}}: the key's text in this language, itself a template over the current and root context.
  const helpers = {
    t(this: object, key: string, options: Handlebars.HelperOptions) {
      return compile(message(messages, key, lang), true)({ ...(options.data.root as object), ...this, ...options.hash }, { helpers });
    },
  };
  try {
    // Strict: a variable the view does not have is an error, not an empty string.
    return compile(source, true)(context, { helpers });
  } catch (e) {
    // Handlebars ends its messages with " - line:column".
    const [, reason, line] = /^([\s\S]*?)(?: - (\d+):\d+)?$/.exec((e as Error).message)!;
    return fail('templateError', { file, ...(line ? { line: Number(line) } : {}) }, reason!.replace(/ in \[object Object\]$/, ''));
  }
}
