// The correction notice (更正说明) and the edition line of the title block, in one language, in reader words.
import type { Consequence, EditionFindings } from '../analyse/corrections.js';
import type { Lang } from '../data/types.js';
import { fill } from './fill.js';
import { formatDate, formatPublished } from './format-value.js';
import { escapeMarkdown as md } from './markdown-escape.js';
import { message, type Messages } from './messages-i18n.js';

export interface NoticeView {
  /** "第2版（更正版） · 首次发布：… · 本版：…"; empty for a first edition. */
  editionLine: string;
  hasCorrections: boolean;
  /** One entry per correcting edition, newest first: its sentence, then one item per changed figure and consequence. */
  corrections: { intro: string; items: string[] }[];
}

export function correctionNotice(edition: EditionFindings, lang: Lang, messages: Messages): NoticeView {
  const t = (key: string, vars: Record<string, string | number> = {}) => fill(message(messages, key, lang), vars);
  const lower = (s: string) => (lang === 'en' ? s.toLowerCase() : s);
  const value = (v: Parameters<typeof formatPublished>[0] | undefined) => (v ? md(formatPublished(v, lang, { withUnit: true })) : '');
  const rank = (r: string) => {
    const [n, of] = r.split('/');
    return n && of ? t('corrections.rankValue', { rank: n, of }) : t('corrections.notRanked');
  };
  const consequence = (c: Consequence) => {
    const figure = c.figure.kind === 'targets'
      ? t('corrections.targets', { district: md(c.figure.district[lang]), status: lower(t(`status.${c.figure.status}`)) })
      : t('corrections.rank', { district: md(c.figure.district[lang]), indicator: md(c.figure.indicator[lang]) });
    const show = c.figure.kind === 'rank' ? rank : (s: string) => s;
    return t('corrections.consequence', { figure, old: show(c.old), new: show(c.new) });
  };
  const corrections = edition.corrections.map((c) => ({
    intro: t('corrections.intro', { edition: c.edition, date: formatDate(c.date, lang) }),
    items: [
      ...c.values.map((v) => t('corrections.item', {
        district: md(v.district[lang]), year: v.year, indicator: md(v.indicator[lang]), kind: t(`kind.${v.kind}`), old: value(v.old), new: value(v.new),
      }) + (v.note ? `${lang === 'zh' ? '' : ' '}${t('corrections.note', { note: md(v.note[lang].replace(/[。.．]\s*$/, '')) })}` : '')),
      ...c.consequences.map(consequence),
    ],
  }));
  const editionLine = edition.edition > 1
    ? t(edition.corrected ? 'edition.corrected' : 'edition.line', { edition: edition.edition, first: formatDate(edition.first, lang), date: formatDate(edition.date, lang) })
    : '';
  return { editionLine, hasCorrections: corrections.length > 0, corrections };
}
