// Turns comparison findings into the strings the memo template shows, in one language, Markdown-escaped.
import { comparableNumber, type CellNote, type ComparisonCell, type ComparisonFindings, type ComparisonRow } from '../analyse/compare.js';
import { aboutMargin } from '../analyse/rank-comparable.js';
import { axisCut } from '../charts/axis-cut.js';
import type { Lang } from '../data/types.js';
import { SECTORS } from '../data/types.js';
import type { Mark } from '../analyse/findings.js';
import { formatDate, formatPublished, unitSuffix } from './format-value.js';
import { escapeMarkdown as md } from './markdown-escape.js';
import { message, type Messages } from './messages-i18n.js';
import { bracketed, marksExplained } from './view.js';
import { correctionNotice } from './correction-notice.js';
import type { EditionFindings } from '../analyse/corrections.js';
import { fill } from './fill.js';

const sum = (counts: { count: number }[]) => counts.reduce((n, c) => n + c.count, 0);

export function memoView(f: ComparisonFindings, lang: Lang, messages: Messages, options: { date: string; edition: EditionFindings }) {
  const t = (key: string, vars: Record<string, string> = {}) => fill(message(messages, key, lang), { year: String(f.year), nextYear: String(f.year + 1), ...vars });
  const names = f.districts.map((d) => md(d.short[lang]));
  const join = (list: string[]) => (lang === 'zh' ? list.join('、') : list.length <= 2 ? list.join(' and ') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`);

  // Footnotes: one number per distinct explanation, in order of first use; note letters as used.
  const marksUsed = new Set<Mark>();
  const footnotes: string[] = [];
  const footnote = (text: string) => {
    const i = footnotes.indexOf(text);
    if (i >= 0) return i + 1;
    footnotes.push(text);
    return footnotes.length;
  };
  const withUnit = (c: ComparisonCell) => md(formatPublished(c.published!, lang, { withUnit: true }));
  const inexactText = (c: ComparisonCell, row: ComparisonRow) => {
    const v = c.value!.used.value;
    const vars = { district: c.district.short[lang], value: withUnit(c) };
    if (v.qualifier === 'about') {
      const margin = aboutMargin(v.number!);
      const at = (sign: number) => String(Math.round((Number(v.number) + sign * margin) * 1e9) / 1e9);
      return t('memo.inexact.about', { ...vars, low: at(-1), high: at(1) });
    }
    return t(`memo.inexact.${v.qualifier === 'at_most' || v.qualifier === 'below' ? 'upper' : v.qualifier === 'positive' ? 'positive' : 'lower'}`, vars);
  };
  const noteText = (n: CellNote, c: ComparisonCell, row: ComparisonRow): string => {
    const district = c.district.short[lang];
    switch (n.kind) {
      case 'not_published': return t('memo.note.notPublished', { district });
      case 'pending': return t('memo.note.pending', { district });
      case 'other_definition': return t('memo.note.otherDefinition', { district, name: n.indicator.name[lang] });
      case 'estimate_vs_final': return t('memo.note.estimateVsFinal', { district });
      case 'change': return t('memo.note.change', { district, value: withUnit(c) });
      case 'other_unit': return t('memo.note.otherUnit', { district, value: withUnit(c) });
      case 'order_open': return t('memo.note.orderOpen', { reasons: join(n.inexact.map((x) => inexactText(x, row))) });
      case 'conflict': return t('memo.note.conflict', { district, value: withUnit(c), others: join(n.others.map((o) => md(formatPublished(o, lang, { withUnit: true })))) });
    }
  };
  const cellText = (row: ComparisonRow, i: number, withRank: boolean) => {
    const c = row.cells[i]!;
    const shown = c.value && !c.notes.some((n) => n.kind === 'change' || n.kind === 'other_unit');
    // Marks in words beside the value; a conflict has a numbered note instead, which gives the other values.
    const shownMarks = shown ? c.marks.filter((m) => m !== 'conflict') : [];
    for (const m of shownMarks) marksUsed.add(m);
    const numbers = c.notes.map((n) => String(footnote(noteText(n, c, row))));
    const notes = numbers.length > 0 ? `:mark[${numbers.join(',')}]` : '';
    if (!shown) return `—${notes}`;
    // Without its unit, which the row label gives: one unit for the whole row.
    const value = md(formatPublished(c.published!, lang));
    const rank = withRank && c.rank !== undefined ? [t('memo.rank', { rank: String(c.rank) })] : [];
    return `${value}${md(bracketed(shownMarks, t, rank))}${notes}`;
  };
  const label = (row: ComparisonRow) => md(row.indicator.name[lang]) + md(unitSuffix(row.unit, lang));

  const districtsOf = (cells: ComparisonCell[]) => join(cells.map((c) => md(c.district.short[lang])));
  const valueOf = (c: ComparisonCell) => md(formatPublished(c.published!, lang, { withUnit: true }));

  // Main points, each computed from the findings: leads on growth rates, targets, what is not compared.
  const leadPoints = f.leads.map((l) => {
    const vars = { indicator: md(l.row.indicator.name[lang]), leaders: districtsOf(l.leaders), value: valueOf(l.leaders[0]!) };
    if (!l.next || l.margin === undefined) return t('memo.point.leadAlone', vars);
    return t(l.approximate ? 'memo.point.leadAbout' : 'memo.point.lead', { ...vars, next: districtsOf([l.next]), nextValue: valueOf(l.next), margin: l.margin });
  });
  const judged = f.briefings.filter((b) => b.scorecard.length > 0);
  const unjudged = f.briefings.filter((b) => b.scorecard.length === 0);
  const targetPoints = [
    ...judged.map((b) => {
      const other = b.scorecard.length - b.statusCounts.met - b.statusCounts.not_met - b.statusCounts.pending;
      return t(other > 0 ? 'memo.point.targetsOther' : 'memo.point.targets', {
        district: md(b.district.short[lang]), total: String(b.scorecard.length), met: String(b.statusCounts.met),
        missed: String(b.statusCounts.not_met), pending: String(b.statusCounts.pending), other: String(other),
      });
    }),
    ...(unjudged.length > 0 ? [t('memo.point.noTargets', { districts: join(unjudged.map((b) => md(b.district.short[lang]))) })] : []),
  ];
  const rankedRows = f.rows.filter((r) => r.notRanked !== 'total');
  const totalRows = f.rows.filter((r) => r.notRanked === 'total');
  const openRows = rankedRows.filter((r) => r.cells.some((c) => c.notes.some((n) => n.kind === 'order_open')));
  const firstOpen = openRows[0]?.cells.flatMap((c) => c.notes).find((n) => n.kind === 'order_open');
  const notComparedPoints = [
    ...(totalRows.length > 0 ? [t('memo.point.totals', { n: String(totalRows.length) })] : []),
    ...(openRows.length > 0 && firstOpen?.kind === 'order_open'
      ? [t('memo.point.open', { n: String(openRows.length), example: md(openRows[0]!.indicator.name[lang]), reason: inexactText(firstOpen.inexact[0]!, openRows[0]!) })] : []),
  ];

  // Figure captions state what the chart shows.
  const leadCounts = f.districts.map((d) => f.growthRows.filter((r) => r.cells.some((c) => c.district.id === d.id && c.rank === 1)).length);
  const most = Math.max(...leadCounts);
  const growthLeaders = f.districts.filter((_, i) => leadCounts[i] === most);
  const cut = axisCut(f.growthRows.flatMap((r) => r.cells.flatMap((c) => {
    const n = comparableNumber(c.value);
    return n === undefined ? [] : [Number(n)];
  })));
  const cutCells = cut ? f.growthRows.flatMap((r) => r.cells.filter((c) => cut.outliers.includes(Number(comparableNumber(c.value)))).map((c) => ({ r, c }))) : [];
  const growthCaption = (most > 0 ? t('memo.chart.growthLead', { leaders: join(growthLeaders.map((d) => md(d.short[lang]))), n: String(most), total: String(f.growthRows.length) }) : t('memo.chart.growth'))
    + (cut ? t('memo.chart.cut', { cap: String(cut.cap), values: join(cutCells.map(({ r, c }) => t('memo.chart.cutValue', { district: md(c.district.short[lang]), indicator: md(r.indicator.name[lang]), value: valueOf(c) }))) }) : '');

  const rows = (list: ComparisonRow[], withRank: boolean) => list.map((r) => ({ label: label(r), cells: r.cells.map((_, i) => ({ text: cellText(r, i, withRank) })) }));
  const ranked = rows(rankedRows, true);
  const totals = rows(totalRows, false);
  const nextTargets = rows(f.nextTargets, false);
  const kinds = new Set(f.documentKinds.map((k) => k.document.kind));
  return {
    lang,
    ...correctionNotice(options.edition, lang, messages),
    year: String(f.year),
    nextYear: String(f.year + 1),
    date: formatDate(options.date, lang),
    districts: join(names),
    districtIds: f.districts.map((d) => d.id).join('-'),
    points: [...leadPoints, ...targetPoints, ...notComparedPoints].map((text) => ({ text })),
    growthCaption,
    columns: names.map((name) => ({ name })),
    align: names.map(() => ' ---: ').join('|'),
    widths: ['4.2', ...names.map(() => '1.7')].join(','),
    ranked,
    totals,
    hasTotals: totals.length > 0,
    nextTargets,
    hasNextTargets: f.nextTargets.length > 0,
    projects: [
      ...SECTORS.flatMap((sector) => {
        const counts = f.districts.map((d) => sum(f.projectCounts.filter((c) => c.district.id === d.id && c.sector === sector)));
        return counts.some((n) => n > 0) ? [{ sector: t(`sector.${sector}`), cells: counts.map((n) => ({ text: String(n) })) }] : [];
      }),
      { sector: t('memo.projects.total'), cells: f.districts.map((d) => ({ text: String(sum(f.projectCounts.filter((c) => c.district.id === d.id))) })) },
    ],
    mixedDocuments: kinds.size > 1,
    documentKinds: f.documentKinds.map((k) => ({ district: md(k.district.short[lang]), kind: t(`memo.documentKind.${k.document.kind}`), title: md(k.document.short[lang]) })),
    footnotes: footnotes.map((text, i) => ({ n: String(i + 1), text: md(text) })),
    documents: f.documents.map((d) => ({ title: md(d.title[lang]), publisher: md(d.publisher[lang]), date: formatDate(d.date, lang) })),
    marks: marksExplained([...marksUsed], t),
  };
}
