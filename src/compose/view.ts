// Turns findings into the strings a briefing template shows, in one language, Markdown-escaped.
import type { BriefingFindings, Mark, ValueFinding } from '../analyse/findings.js';
import { SUMMARY_INDICATORS, type ComparisonFindings } from '../analyse/compare.js';
import type { Correction } from '../build/state.js';
import type { Dataset, Lang, Observation, Project } from '../data/types.js';
import { PROJECT_STATUSES, SECTORS } from '../data/types.js';
import { STATUSES } from '../analyse/evaluate-target.js';
import { formatValue, unitLabel } from './format-value.js';
import { escapeMarkdown as md } from './markdown-escape.js';
import { message, type Messages } from './messages-i18n.js';
import { fill } from './fill.js';

/** The letter each note mark shows as; the same in both languages. */
export const MARK_LETTERS: Record<Mark, string> = { estimate: 'e', pending: 'p', adjusted: 'a', base_revised: 'b', conflict: 'c' };

export interface ViewOptions {
  date: string;
  revision: number;
  /** The district beside its peers with data for the year; absent when no peer has data. */
  peers?: ComparisonFindings;
  /** Corrections made since the first revision, oldest first. */
  corrections?: Correction[];
}

/** The correction notice (更正说明): one row per changed value, newest revision first. */
export function correctionRows(data: Dataset, corrections: Correction[] | undefined, lang: Lang, t: (key: string) => string) {
  return [...(corrections ?? [])].reverse().flatMap((c) =>
    c.changes.map((ch) => {
      const indicator = data.indicators.get(ch.indicator);
      const [doc, line] = (ch.source ?? '').split(':');
      const cited = doc ? data.documents.get(doc) : undefined;
      const source = cited && /^\d+$/.test(line ?? '') ? (lang === 'zh' ? `${cited.short.zh}第${line}行` : `${cited.short.en}, line ${line}`) : ch.source ?? '—';
      return {
        revision: String(c.revision),
        date: c.date,
        item: md(`${data.districts.get(ch.district)?.short[lang] ?? ch.district} ${ch.year} ${indicator?.name[lang] ?? ch.indicator}${lang === 'zh' ? `（${t(`kind.${ch.kind}`)}）` : ` (${t(`kind.${ch.kind}`)})`}`),
        old: md(ch.old ?? '—'),
        new: md(ch.new ?? t('corrections.removed')),
        source: md(source),
      };
    }));
}

export function briefingView(data: Dataset, f: BriefingFindings, lang: Lang, messages: Messages, options: ViewOptions) {
  const t = (key: string) => message(messages, key, lang);
  const name = (v: ValueFinding) => md(v.indicator.name[lang]);
  const marks = (v: ValueFinding | undefined) => (v ? v.marks.map((m) => `:mark[${MARK_LETTERS[m]}]`).join('') : '');
  const value = (v: ValueFinding, withUnit = false) => md(formatValue(data, v.chosen.used, v.indicator, lang, { withUnit })) + marks(v);
  const label = (v: ValueFinding) => `${v.indicator.parent ? '\\# ' : ''}${name(v)}${md(unitLabel(data, v.indicator, lang))}${v.indicator.nature === 'binding' ? '\\*' : ''}`;
  const source = (o: Observation) => {
    const doc = data.documents.get(o.source.doc)!;
    const { line, locator } = o.source;
    if (line === undefined) return md(lang === 'zh' ? `${doc.short.zh}${locator ?? ''}` : `${doc.short.en}${locator ? `, ${locator}` : ''}`);
    return md(lang === 'zh' ? `${doc.short.zh}第${line}行` : `${doc.short.en}, line ${line}`);
  };
  const projectName = (p: Project) => md(p.name[lang]);
  const separator = lang === 'zh' ? '、' : '; ';

  const scorecard = f.scorecard.map((row, i) => ({
    no: row.isSub ? '' : String(f.scorecard.slice(0, i + 1).filter((r) => !r.isSub).length),
    label: label(row.target),
    target: value(row.target),
    result: row.result ? value(row.result) : '—',
    status: t(`status.${row.evaluation.status}`),
    statusClass: `status-${row.evaluation.status}`,
  }));

  const counts = STATUSES.map((s) => ({ status: s, label: t(`status.${s}`), count: String(f.statusCounts[s]) })).filter((c) => c.count !== '0');

  const projectsBy = (list: Project[], year: number) =>
    SECTORS.flatMap((sector) =>
      PROJECT_STATUSES.flatMap((status) => {
        const items = list.filter((p) => p.sector === sector && p.status === status);
        return items.length === 0
          ? []
          : [{ year: String(year), sector: t(`sector.${sector}`), status: t(`projectStatus.${status}`), count: String(items.length), names: items.map(projectName).join(separator) }];
      }),
    );

  const conflicts = f.conflicts.map((c) => ({
    indicator: md(c.indicator.name[lang]),
    year: String(c.year),
    kind: t(`kind.${c.kind}`),
    used: md(formatValue(data, c.used, c.indicator, lang, { withUnit: true })),
    usedSource: source(c.used),
    others: c.others.map((o) => ({ value: md(formatValue(data, o, c.indicator, lang, { withUnit: true })), source: source(o) })),
  }));

  const trendHeader = f.trendColumns.map((c) => fill(t(`trend.${c.kind}`), { year: c.year }));
  const cellOf = (v: ValueFinding | undefined) => (v ? value(v) : '—');

  const peers = options.peers;
  const self = peers?.districts.findIndex((d) => d.id === f.district.id) ?? -1;
  const peerRows = !peers ? [] : peers.rows
    .filter((r) => SUMMARY_INDICATORS.includes(r.indicator.id) || r.indicator.id === 'gdp_per_capita')
    .filter((r) => r.cells[self]?.rank !== undefined)
    .map((r) => {
      const own = r.cells[self]!;
      const ranked = r.cells.filter((c) => c.rank !== undefined);
      const others = r.cells.filter((c, i) => i !== self && c.value);
      return {
        label: md(r.indicator.name[lang]) + md(unitLabel(data, r.indicator, lang)),
        value: md(formatValue(data, own.value!.used, r.indicator, lang)) + own.marks.map((m) => `:mark[${MARK_LETTERS[m]}]`).join(''),
        rank: md(fill(t('peers.rank'), { rank: String(own.rank), of: ranked.length })),
        others: others.map((c) => md(`${c.district.short[lang]} ${formatValue(data, c.value!.used, r.indicator, lang)}`) + c.marks.map((m) => `:mark[${MARK_LETTERS[m]}]`).join('')).join(lang === 'zh' ? '；' : '; '),
      };
    });

  const corrections = correctionRows(data, options.corrections, lang, t);
  return {
    lang,
    hasCorrections: corrections.length > 0,
    corrections,
    hasPeers: peerRows.length > 0,
    peers: peerRows,
    peerNames: peers ? md(peers.districts.filter((_, i) => i !== self).map((d) => d.short[lang]).join(lang === 'zh' ? '、' : ', ')) : '',
    district: md(f.district.name[lang]),
    districtShort: md(f.district.short[lang]),
    year: String(f.year),
    nextYear: String(f.year + 1),
    date: options.date,
    revision: String(options.revision),
    documents: f.documents.map((d) => ({ title: md(d.title[lang]), publisher: md(d.publisher[lang]), date: d.date, file: md(d.file) })),
    headline: f.headline.map((v) => ({ name: name(v), value: value(v, true) })),
    hasScorecard: scorecard.length > 0,
    scorecard,
    counts,
    total: String(f.scorecard.length),
    otherResults: f.otherResults.map((v) => ({ label: label(v), value: value(v) })),
    hasTrend: f.trend.length > 0,
    trendHeader: trendHeader.map((h) => ({ text: md(h) })),
    trendAlign: f.trendColumns.map(() => ' ---: ').join('|'),
    trendWidths: ['4', ...f.trendColumns.map(() => '1.6')].join(','),
    trend: f.trend.map((r) => ({ label: md(r.indicator.name[lang]) + md(unitLabel(data, r.indicator, lang)), cells: r.cells.map((c) => ({ text: cellOf(c) })) })),
    hasPlanProgress: f.planProgress.length > 0,
    planProgress: f.planProgress.map((r) => ({
      label: md(r.indicator.name[lang]) + md(unitLabel(data, r.indicator, lang)),
      base: cellOf(r.base),
      latest: r.latest ? `${value(r.latest)}${md(lang === 'zh' ? `（${r.latest.chosen.used.year}年）` : ` (${r.latest.chosen.used.year})`)}` : '—',
      target: value(r.target),
      status: t(`planStatus.${r.evaluation.status}`),
      statusClass: `status-${r.evaluation.status}`,
      note: r.differentDefinition ? md(fill(t('plan.differentDefinition'), { name: r.differentDefinition.name[lang] })) : '',
    })),
    nextTargets: f.nextTargets.map((v) => ({ label: label(v), target: value(v), nature: t(`nature.${v.indicator.nature}`) })),
    projects: projectsBy(f.projects, f.year),
    nextProjects: projectsBy(f.nextProjects, f.year + 1),
    projectTotal: String(f.projects.length),
    nextProjectTotal: String(f.nextProjects.length),
    notes: f.marksUsed.map((m) => ({ mark: MARK_LETTERS[m], text: t(`marks.${m}`) })),
    conflicts,
  };
}

export type BriefingView = ReturnType<typeof briefingView>;
