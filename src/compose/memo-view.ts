// Turns comparison findings into the strings the memo template shows, in one language, Markdown-escaped.
import { SUMMARY_INDICATORS, type CellNote, type ComparisonFindings, type ComparisonRow } from '../analyse/compare.js';
import type { Dataset, Lang } from '../data/types.js';
import { PROJECT_STATUSES, SECTORS } from '../data/types.js';
import { formatValue, unitLabel } from './format-value.js';
import { escapeMarkdown as md } from './markdown-escape.js';
import { message, type Messages } from './messages-i18n.js';
import { correctionRows, MARK_LETTERS } from './view.js';
import type { Correction } from '../build/state.js';
import { fill } from './fill.js';

export function memoView(data: Dataset, f: ComparisonFindings, lang: Lang, messages: Messages, options: { date: string; revision: number; corrections?: Correction[] }) {
  const t = (key: string, vars: Record<string, string> = {}) => fill(message(messages, key, lang), vars);
  const names = f.districts.map((d) => md(d.short[lang]));
  const join = (list: string[]) => (lang === 'zh' ? list.join('、') : list.length <= 2 ? list.join(' and ') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`);

  // Footnotes: one number per distinct explanation, in order of first use.
  const footnotes: string[] = [];
  const footnote = (text: string) => {
    const i = footnotes.indexOf(text);
    if (i >= 0) return i + 1;
    footnotes.push(text);
    return footnotes.length;
  };
  const noteText = (n: CellNote, district: string): string => {
    switch (n.kind) {
      case 'not_published': return t('memo.note.notPublished', { district });
      case 'pending': return t('memo.note.pending', { district });
      case 'other_definition': return t('memo.note.otherDefinition', { district, name: n.indicator.name[lang] });
      case 'estimate_vs_final': return t('memo.note.estimateVsFinal');
    }
  };
  const cellText = (row: ComparisonRow, i: number, withRank: boolean) => {
    const c = row.cells[i]!;
    const marks = c.marks.filter((m) => m !== 'pending').map((m) => `:mark[${MARK_LETTERS[m]}]`).join('');
    const notes = c.notes.map((n) => `:mark[${footnote(noteText(n, c.district.short[lang]))}]`).join('');
    if (!c.value) return `—${notes}`;
    const value = md(formatValue(data, c.value.used, row.indicator, lang));
    const rank = withRank && c.rank !== undefined ? md(t('memo.rank', { rank: String(c.rank) })) : '';
    return `${value}${marks}${rank}${notes}`;
  };
  const label = (row: ComparisonRow) => md(row.indicator.name[lang]) + md(unitLabel(data, row.indicator, lang));

  const summary = SUMMARY_INDICATORS.flatMap((id) => {
    const row = f.growthRows.find((r) => r.indicator.id === id);
    if (!row) return [];
    const leaders = row.cells.filter((c) => c.rank === 1);
    if (leaders.length === 0) return [];
    return [t('memo.leader', {
      indicator: md(row.indicator.name[lang]),
      districts: join(leaders.map((c) => md(c.district.short[lang]))),
      value: md(formatValue(data, leaders[0]!.value!.used, row.indicator, lang, { withUnit: true })),
      of: String(row.cells.filter((c) => c.rank !== undefined).length),
    })];
  });
  const targetSentences = f.briefings.map((b) => b.scorecard.length > 0
    ? t('memo.targetsMet', { district: md(b.district.short[lang]), met: String(b.statusCounts.met), total: String(b.scorecard.length), pending: String(b.statusCounts.pending) })
    : t('memo.noTargets', { district: md(b.district.short[lang]) }));

  const rows = f.rows.map((r) => ({ label: label(r), cells: r.cells.map((_, i) => ({ text: cellText(r, i, true) })) }));
  const nextTargets = f.nextTargets.map((r) => ({ label: label(r), cells: r.cells.map((_, i) => ({ text: cellText(r, i, false) })) }));
  const kinds = new Set(f.documentKinds.map((k) => k.document.kind));
  const corrections = correctionRows(data, options.corrections, lang, (key) => message(messages, key, lang));
  return {
    lang,
    hasCorrections: corrections.length > 0,
    corrections,
    year: String(f.year),
    nextYear: String(f.year + 1),
    date: options.date,
    revision: String(options.revision),
    districts: join(names),
    districtIds: f.districts.map((d) => d.id).join('-'),
    summary: summary.join(lang === 'zh' ? '；' : '; '),
    targets: targetSentences.join(lang === 'zh' ? '' : ' '),
    columns: names.map((name) => ({ name })),
    align: names.map(() => ' ---: ').join('|'),
    widths: ['3.4', ...names.map(() => '2')].join(','),
    rows,
    nextTargets,
    hasNextTargets: f.nextTargets.length > 0,
    projects: SECTORS.flatMap((sector) => PROJECT_STATUSES.flatMap((status) => {
      const counts = f.districts.map((d) => f.projectCounts.find((c) => c.district.id === d.id && c.sector === sector && c.status === status)?.count ?? 0);
      return counts.some((n) => n > 0) ? [{ sector: t(`sector.${sector}`), status: t(`projectStatus.${status}`), cells: counts.map((n) => ({ text: String(n) })) }] : [];
    })),
    mixedDocuments: kinds.size > 1,
    documentKinds: f.documentKinds.map((k) => ({ district: md(k.district.short[lang]), kind: t(`memo.documentKind.${k.document.kind}`), title: md(k.document.short[lang]) })),
    footnotes: footnotes.map((text, i) => ({ n: String(i + 1), text: md(text) })),
    documents: f.documents.map((d) => ({ title: md(d.title[lang]), publisher: md(d.publisher[lang]), date: d.date })),
    marks: Object.entries(MARK_LETTERS).filter(([m]) => m !== 'pending').map(([m, letter]) => ({ mark: letter, text: t(`marks.${m}`) })),
  };
}
