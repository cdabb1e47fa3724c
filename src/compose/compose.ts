// Composes a district briefing: findings → template (per language) → markup → document IR.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BriefingReport } from '../analyse/briefing.js';
import type { Lang } from '../data/types.js';
import type { Block, DocumentIR, Inline } from '../ir/types.js';
import { pairBlocks } from './bilingual.js';
import { parseMarkup } from './markup.js';
import { loadMessages, message, type Messages } from './messages-i18n.js';
import { renderTemplate } from './template.js';
import { briefingView } from './view.js';
import { fill } from './fill.js';

import type { LangMode } from '../output-options.js';
export { LANG_MODES, type LangMode } from '../output-options.js';

export interface ComposeOptions {
  templatesDir: string;
  date: string;
  revision: number;
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** Numbers section headings (一、/ 1.) and figure and table captions (图1 / Figure 1.), in document order. */
function numberBlocks(blocks: Block[], messages: Messages, lang: Lang): Block[] {
  let sections = 0;
  let figures = 0;
  let tables = 0;
  const prefix = (key: 'figure' | 'table', n: number, caption: Inline[]): Inline[] => [
    { type: 'text', value: `${fill(message(messages, key, lang), { n })} ` },
    ...caption,
  ];
  const walk = (list: Block[]): Block[] =>
    list.map((b) => {
      if (b.type === 'heading' && b.depth === 2) {
        sections++;
        const number = lang === 'zh' ? `${CHINESE_NUMERALS[sections - 1] ?? sections}、` : `${sections}. `;
        return { ...b, children: [{ type: 'text', value: number }, ...b.children] };
      }
      if (b.type === 'figure') return { ...b, caption: prefix('figure', ++figures, b.caption) };
      if (b.type === 'table') return { ...b, caption: prefix('table', ++tables, b.caption) };
      if (b.type === 'div') return { ...b, children: walk(b.children) };
      return b;
    });
  return walk(blocks);
}

/** What a kind of document brings to composition: its template, its view of the findings, its title and header keys. */
export interface DocumentTemplate {
  /** File under templates/. */
  file: string;
  view: (lang: Lang, messages: Messages) => object;
  titleKey: string;
  headerKey: string;
}

const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

/** Renders the template in each language of the mode and, for zh-en, pairs the two documents. */
export function composeDocument(template: DocumentTemplate, mode: LangMode, options: ComposeOptions): DocumentIR {
  const file = `templates/${template.file}`;
  const source = readFileSync(join(options.templatesDir, template.file), 'utf8');
  const langs: Lang[] = mode === 'zh-en' ? ['zh', 'en'] : [mode];
  const rendered = langs.map((lang) => {
    const messages = loadMessages(options.templatesDir, lang);
    const view = template.view(lang, messages);
    const text = (key: string) => unescape(renderTemplate(message(messages, key, lang), file, view, messages, lang));
    const markup = renderTemplate(source, file, view, messages, lang);
    return { blocks: numberBlocks(parseMarkup(markup, file), messages, lang), header: text(template.headerKey), title: text(template.titleKey) };
  });
  const [first, second] = rendered;
  return {
    meta: {
      title: rendered.map((r) => r.title).join(' / '),
      subject: rendered.map((r) => r.header).join(' / '),
      lang: mode,
      header: rendered.map((r) => r.header).join('  |  '),
      date: options.date,
      revision: options.revision,
    },
    blocks: second ? pairBlocks(first!.blocks, second.blocks) : first!.blocks,
  };
}

export function composeBriefing(report: BriefingReport, mode: LangMode, options: ComposeOptions): DocumentIR {
  return composeDocument(
    { file: 'district-briefing.md.hbs', view: (lang, messages) => briefingView(report, lang, messages, options), titleKey: 'title.text', headerKey: 'header' },
    mode,
    options,
  );
}
