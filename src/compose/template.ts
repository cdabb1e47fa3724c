// Renders a Handlebars briefing template, in one language, to the light markup.
import Handlebars from 'handlebars';
import type { Lang } from '../data/types.js';
import { fail } from '../diagnostics.js';
import { message, type Messages } from './messages-i18n.js';

export function renderTemplate(source: string, file: string, context: object, messages: Messages, lang: Lang): string {
  const hb = Handlebars.create();
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  // {{t "key"}}: the key's text in this language, itself a template over the current and root context.
  hb.registerHelper('t', function (this: object, key: string, options: Handlebars.HelperOptions) {
    let template = compiled.get(key);
    if (!template) {
      template = hb.compile(message(messages, key, lang), { noEscape: true, strict: true });
      compiled.set(key, template);
    }
    return template({ ...(options.data.root as object), ...this, ...options.hash });
  });
  try {
    // Strict: a variable the view does not have is an error, not an empty string.
    return hb.compile(source, { noEscape: true, strict: true })(context);
  } catch (e) {
    // Handlebars ends its messages with " - line:column".
    const [, reason, line] = /^([\s\S]*?)(?: - (\d+):\d+)?$/.exec((e as Error).message)!;
    return fail('templateError', { file, ...(line ? { line: Number(line) } : {}) }, reason!.replace(/ in \[object Object\]$/, ''));
  }
}
