// Turns a briefing report into the strings a briefing template shows, in one language, Markdown-escaped.
import type { BriefingReport, NextRow, PeerValue } from '../analyse/briefing.js';
import { STATUSES, type TargetStatus } from '../analyse/evaluate-target.js';
import type { CitedProject, Mark, ScorecardRow, ValueFinding } from '../analyse/findings.js';
import { MARKS } from '../analyse/findings.js';
import { NAMED_PENDING, type KeyPoint, type TargetGap } from '../analyse/key-points.js';
import type { Citation, CitedValue, DocumentRef, PublishedValue } from '../analyse/published.js';
import type { SourcePlace } from '../analyse/source-place.js';
import type { Indicator, Lang, Unit } from '../data/types.js';
import { PROJECT_STATUSES, SECTORS } from '../data/types.js';
import { projectGroups } from '../data/project-groups.js';
import { formatDate, formatPublished, unitSuffix } from './format-value.js';
import { escapeMarkdown as md } from './markdown-escape.js';
import { message, type Messages } from './messages-i18n.js';
import { fill } from './fill.js';
import { correctionNotice } from './correction-notice.js';

/** The marks a value shows in words beside it; a pending value says so in its own words ("市级暂未反馈"). */
export const MARKS_IN_WORDS: readonly Mark[] = MARKS.filter((m) => m !== 'pending');

/** A value's marks in words, in brackets after it: "（预计）" / " (estimate)"; other items (a rank) may share the brackets. */
type Say = (key: string, vars?: Record<string, string>) => string;

export function bracketed(marks: Mark[], t: Say, more: string[] = []): string {
  const words = [...MARKS_IN_WORDS.filter((m) => marks.includes(m)).map((m) => t(`markWord.${m}`)), ...more];
  return words.length === 0 ? '' : t('marks.bracket', { items: words.join(t('marks.separator')) });
}

/** What the words of the marks used mean, as a reader reads them: "“预计”为……；“来源不一”为……". */
export function marksExplained(used: Mark[], t: Say): string[] {
  return MARKS_IN_WORDS.filter((m) => used.includes(m)).map((m) => t('legend.mark', { word: t(`markWord.${m}`), text: t(`marks.${m}`) }));
}


export interface ViewOptions {
  date: string;
  revision: number;
}

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** A text from templates/i18n with {{name}} variables filled in. */
function translator(messages: Messages, lang: Lang): Translate {
  return (key, vars = {}) => fill(message(messages, key, lang), vars);
}

/** A cited place in words: 表1, 专栏2, 表1注, 正文 / Table 1, Box 2, note to Table 1, text. */
export function placeText(place: SourcePlace, t: Translate): string {
  if (place.kind === 'text') return t('cite.text');
  return t(`cite.${place.kind}${place.note ? 'Note' : ''}`, { n: place.number });
}

/** Where a value comes from, as a reader cites it: the document's short name and its table, box or text. */
export function citationText(c: Citation, lang: Lang, t: Translate): string {
  return t('cite.short', { document: c.document.short[lang], place: placeText(c.place, t) });
}

export function briefingView(report: BriefingReport, lang: Lang, messages: Messages, options: ViewOptions) {
  const f = report.findings;
  const t = translator(messages, lang);
  const zh = lang === 'zh';
  const list = (items: string[], key = 'list.separator') => items.join(t(key));
  const andList = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(t('list.separator'))}${t('list.and')}${items.at(-1)}`);
  /** Names in a caption: 大渡口、涪陵 / Dadukou and Fuling. */
  const namesList = (items: string[]) => (lang === 'zh' ? list(items, 'list.enumeration') : andList(items));

  const name = (i: Indicator) => md(i.name[lang]);
  /** A name inside an English sentence starts in lower case, unless it starts with an abbreviation (CPI, R&D). */
  const inSentence = (i: Indicator) => md(lang === 'en' && /^[A-Z][a-z]/.test(i.name.en) ? i.name.en[0]!.toLowerCase() + i.name.en.slice(1) : i.name[lang]);
  const marksOf = (marks: Mark[]) => bracketed(marks, t);
  const value = (v: CitedValue & { marks: Mark[] }, withUnit = false) => md(formatPublished(v.published, lang, { withUnit })) + marksOf(v.marks);
  const label = (v: ValueFinding) => `${v.indicator.parent ? '\\# ' : ''}${name(v.indicator)}${md(unitSuffix(v.unit, lang))}${v.indicator.nature === 'binding' ? '\\*' : ''}`;
  /** A row label whose values carry their own unit. */
  const plainLabel = (v: ValueFinding) => `${v.indicator.parent ? '\\# ' : ''}${name(v.indicator)}${v.indicator.nature === 'binding' ? '\\*' : ''}`;
  const cellOf = (v: ValueFinding | undefined) => (v ? value(v) : '—');
  /** A value in a sentence: with its unit, and "estimate" in words. */
  const said = (v: CitedValue & { marks: Mark[] }) => {
    const text = md(formatPublished(v.published, lang, { withUnit: true }));
    return v.marks.includes('estimate') ? t('words.estimate', { value: text }) : text;
  };
  /** A plain number in a unit, for differences: 0.2个百分点 / 0.2 points, 0.1万元 / 1,000 yuan. */
  const amount = (number: string, unit: Unit | undefined) => {
    if (unit?.id === '%') return t('words.points', { n: number });
    const published: PublishedValue = { text: number, value: { qualifier: 'exact', number }, ...(unit ? { unit } : {}), unitInText: false };
    return md(formatPublished(published, lang, { withUnit: true }));
  };
  const gapWords = (g: TargetGap) => {
    const n = g.difference.replace(/^-/, '');
    const side = g.difference.startsWith('-') ? 'below' : Number(g.difference) === 0 ? 'equal' : 'above';
    return t(`words.${side}`, { amount: amount(n, g.result.published.unit), target: said(g.row.target) });
  };

  const sentence = (p: KeyPoint): string => {
    switch (p.kind) {
      case 'headline': {
        const base = { name: name(p.result.indicator), result: said(p.result) };
        if (p.target) {
          const gap = p.gap ? t('keyPoints.headlineGap', { gap: gapWords(p.gap) }) : t('keyPoints.headlineTarget', { target: said(p.target), status: t(`status.${statusOfTarget(p.target)}`) });
          return t('keyPoints.headline', { ...base, rest: gap });
        }
        // The rank right after the value it ranks, before the total (which is not ranked).
        const rest = [
          ...(p.rank ? [t('keyPoints.headlineRank', { rank: p.rank.rank, of: p.rank.of })] : []),
          ...(p.level ? [t('keyPoints.headlineLevel', { level: said(p.level) })] : []),
        ].join('');
        return t('keyPoints.headline', { ...base, rest });
      }
      case 'targets': {
        const other = p.counts.qualitative + p.counts.not_comparable;
        const parts = [
          t('keyPoints.targetsMet', { n: p.counts.met }),
          ...(p.counts.not_met ? [t('keyPoints.targetsNotMet', { n: p.counts.not_met })] : []),
          ...(p.counts.pending ? [t('keyPoints.targetsPending', { n: p.counts.pending })] : []),
          ...(other ? [t('keyPoints.targetsOther', { n: other })] : []),
        ];
        return t('keyPoints.targets', { year: f.year, total: p.total, parts: andList(parts) });
      }
      case 'misses':
      case 'beats': {
        const items = p.gaps.map((g) => t('keyPoints.gapItem', { name: inSentence(g.row.indicator), result: said(g.result), gap: gapWords(g) }));
        return t(`keyPoints.${p.kind}`, { items: list(items, 'list.semicolon') });
      }
      case 'pending':
      case 'noResult': {
        // "and others" stands for two or more: a single one left is named.
        const names = p.indicators.slice(0, p.indicators.length === NAMED_PENDING + 1 ? NAMED_PENDING + 1 : NAMED_PENDING).map(inSentence);
        const more = p.indicators.length - names.length;
        return t(`keyPoints.${p.kind}`, { n: p.indicators.length, names: list(names, 'list.enumeration') + (more > 0 ? t('keyPoints.pendingMore', { n: more }) : '') });
      }
      case 'results': {
        const items = p.items.map((item) => t('keyPoints.resultItem', { name: inSentence(item.value.indicator), value: said(item.value) }) + (item.growth ? t('keyPoints.resultGrowth', { growth: said(item.growth) }) : ''));
        return t('keyPoints.results', { year: f.year, items: list(items, 'list.semicolon') });
      }
      case 'next': {
        const items = p.targets.map((v) => t('keyPoints.nextItem', { name: inSentence(v.indicator), value: said(v) }));
        return t('keyPoints.next', { year: p.year, items: list(items, 'list.semicolon') });
      }
      case 'projects': {
        const statuses = p.byStatus.map((s) => t('keyPoints.projectStatus', { status: t(`projectStatus.${s.status}`).toLowerCase(), n: s.count }));
        return t('keyPoints.projects', { year: p.year, count: p.count, statuses: list(statuses, 'list.enumeration'), nextYear: p.year + 1, nextCount: p.nextCount });
      }
    }
  };
  const statusOfTarget = (target: ValueFinding): TargetStatus => f.scorecard.find((r) => r.target === target)?.evaluation.status ?? 'not_comparable';

  /** "注：“预计”为来源文件公布的预计数" for the marks that occur in a table, in words. */
  const legendFor = (values: (CitedValue & { marks: Mark[] } | undefined)[]) => {
    const items = marksExplained(MARKS.filter((m) => values.some((v) => v?.marks.includes(m))), t);
    return items.length === 0 ? '' : t('legend.marks', { items: list(items, 'list.semicolon') });
  };
  /** "资料来源：《title》表1、正文。" for the values of a table, documents in order of first use. */
  const sourceLine = (values: (CitedValue | undefined)[], projects: CitedProject[] = []) => {
    const byDoc = new Map<string, { doc: DocumentRef; places: string[] }>();
    const add = (c: Citation) => {
      const entry = byDoc.get(c.document.id) ?? { doc: c.document, places: [] };
      const place = placeText(c.place, t);
      if (!entry.places.includes(place)) entry.places.push(place);
      byDoc.set(c.document.id, entry);
    };
    for (const v of values) if (v) add(v.cited);
    for (const p of projects) add(p.cited);
    const docs = [...byDoc.values()].map((e) => t('cite.full', { title: md(e.doc.title[lang]), places: list(e.places, 'list.enumeration') }));
    return docs.length === 0 ? '' : t('cite.line', { sources: list(docs, 'list.semicolon') });
  };

  const statusCell = (status: TargetStatus) => `:span[${t(`status.${status}`)}]{class="status-${status}"}`;
  const scorecard = f.scorecard.map((row, i) => ({
    no: row.isSub ? '' : String(f.scorecard.slice(0, i + 1).filter((r) => !r.isSub).length),
    label: label(row.target),
    target: value(row.target),
    result: row.result ? value(row.result) : '—',
    status: statusCell(row.evaluation.status),
  }));
  const rowValues = (rows: ScorecardRow[]) => rows.flatMap((r) => [r.target, r.result]);

  const themes = f.themes.map((th) => ({
    theme: t(`category.${th.category}`),
    total: String(th.rows.length),
    met: String(th.counts.met),
    notMet: String(th.counts.not_met),
    pending: String(th.counts.pending),
    other: String(th.counts.qualitative + th.counts.not_comparable),
    missed: list(th.rows.filter((r) => r.evaluation.status === 'not_met').map((r) => name(r.indicator)), 'list.enumeration') || '—',
  }));

  const growthRows = report.growthTargets;
  const growthMet = growthRows.filter((g) => g.row.evaluation.status === 'met').length;
  const worst = [...growthRows].filter((g) => g.row.evaluation.status === 'not_met').sort((a, b) => b.relative - a.relative)[0];
  const growthCaption = growthRows.length === 0 ? '' : t(worst ? 'chart.growthFinding' : 'chart.growthAllMet', { met: growthMet, n: growthRows.length, ...(worst ? { name: inSentence(worst.row.indicator), gap: gapWords(worst) } : {}) });

  // Without a target table: how many of next year's targets are set above, at and below this year's growth.
  const steps = report.nextGrowth.map((r) => Math.sign(Number(r.next.published.value.number) - Number(r.result!.published.value.number)));
  const parts = ([[1, 'nextAbove'], [0, 'nextEqual'], [-1, 'nextBelow']] as const)
    .map(([sign, key]) => [key, steps.filter((s) => s === sign).length] as const).filter(([, count]) => count > 0)
    .map(([key, count]) => t(`chart.${key}`, { count }));
  const nextChartCaption = steps.length === 0 ? '' : t('chart.nextFinding', { n: steps.length, parts: list(parts), year: f.year, nextYear: f.year + 1 });

  const projectNames = (items: CitedProject[]) => list(items.map((p) => md(p.name[lang])), 'list.enumeration');
  /** Project names by sector and status, every one of them. */
  const projectsBy = (items: CitedProject[], year: number) =>
    projectGroups(items).map(({ sector, status, items: matching }) => ({
      year: String(year), sector: t(`sector.${sector}`), status: t(`projectStatus.${status}`), count: String(matching.length),
      names: projectNames(matching),
    }));
  const nextProjects = projectsBy(f.nextProjects, f.year + 1);
  const projectSectors = SECTORS.filter((s) => f.projects.some((p) => p.sector === s) || f.nextProjects.some((p) => p.sector === s)).map((sector) => {
    const now = f.projects.filter((p) => p.sector === sector);
    const next = f.nextProjects.filter((p) => p.sector === sector);
    return { sector: t(`sector.${sector}`), count: String(now.length), nextCount: String(next.length), examples: projectNames((now.length > 0 ? now : next).slice(0, 1)) };
  });
  const statusCounts = (items: CitedProject[]) => PROJECT_STATUSES.map((s) => ({ status: s, n: items.filter((p) => p.status === s).length })).filter((s) => s.n > 0)
    .map((s) => t('projects.statusCount', { status: t(`projectStatus.${s.status}`).toLowerCase(), n: s.n }));

  const nextRows = report.nextMain.map((r: NextRow) => ({ label: label(r.next), target: cellOf(r.target), result: cellOf(r.result), next: value(r.next) }));

  const peers = report.peers;
  // Every value of a row with its unit, the district's own as its peers' (sources write units differently).
  const peerValue = (v: PeerValue) => md(formatPublished(v.published, lang, { withUnit: true })) + marksOf(v.marks);
  const peerRows = (peers?.rows ?? []).map((r) => ({
    label: name(r.indicator),
    value: peerValue(r.own),
    rank: md(t('peers.rank', { rank: r.rank, of: r.of })),
    others: list(r.others.map((o) => `${md(o.district.short[lang])} ${peerValue(o.value)}`), 'list.semicolon'),
  }));

  const conflicts = f.conflicts.map((c) => ({
    indicator: name(c.indicator),
    year: String(c.year),
    kind: t(`kind.${c.kind}`),
    used: md(formatPublished(c.used.published, lang, { withUnit: true })),
    usedSource: md(citationText(c.used.cited, lang, t)),
    others: c.others.map((o) => ({ value: md(formatPublished(o.published, lang, { withUnit: true })), source: md(citationText(o.cited, lang, t)) })),
  }));

  /** Two entries side by side in one row, halving a long two-column list; a sub-indicator stays in the column of its parent. */
  const pairs = <T extends object>(items: T[], isSub: (item: T) => boolean = () => false) => {
    let half = Math.ceil(items.length / 2);
    while (half < items.length && isSub(items[half]!)) half++;
    // An odd list leaves the last right-hand cells empty: an entry of the same fields, all blank.
    const blank = (like: T) => Object.fromEntries(Object.keys(like).map((k) => [k, ''])) as T;
    return Array.from({ length: Math.max(half, items.length - half) }, (_, i) => ({ left: items[i] ?? blank(items[0]!), right: items[half + i] ?? blank(items[0]!) }));
  };
  const subEntry = (e: { sub: boolean }) => e.sub;
  const trendValues = f.trend.flatMap((r) => r.cells);
  // Plan targets the trend table shows with their status; the others with a latest result get their own table.
  const planRows = f.planProgress.filter((r) => r.latest && !f.trend.some((row) => row.indicator.id === r.indicator.id));
  const planValues = f.planProgress.flatMap((r) => [r.base, r.latest, r.target]);
  const annexParts = [
    ['scorecard', f.scorecard.length > 0],
    ['results', (f.scorecard.length > 0 ? f.headline.length : 0) + f.otherResults.length > 0],
    ['peers', (report.peers?.rows.length ?? 0) > 0],
    ['next', f.nextTargets.length > 0],
    ['projects', f.projects.length + f.nextProjects.length > 0],
    ['trend', f.trend.length + f.planProgress.length > 0],
    ['notes', true],
  ] as const;
  const annex = Object.fromEntries(annexParts.filter(([, present]) => present).map(([part], i) => [part, { n: String(i + 1), title: t('annex.item', { n: i + 1, title: t(`annex.${part}`, { year: f.year, nextYear: f.year + 1 }) }) }]));

  const countsLine = STATUSES.filter((s) => f.statusCounts[s] > 0).map((s) => t('scorecard.count', { label: t(`status.${s}`), count: f.statusCounts[s] }));
  return {
    lang,
    district: md(f.district.name[lang]),
    districtShort: md(f.district.short[lang]),
    year: String(f.year),
    nextYear: String(f.year + 1),
    date: formatDate(options.date, lang),
    keyPoints: report.keyPoints.map(sentence),
    ...correctionNotice(report.edition, lang, messages),
    hasScorecard: f.scorecard.length > 0,
    total: String(f.scorecard.length),
    counts: list(countsLine, 'list.separator'),
    themes,
    growthCaption,
    hasGrowthChart: growthRows.length > 0,
    nextChartCaption,
    headline: f.headline.map((v) => ({ name: name(v.indicator), value: value(v, true) })),
    headlineLegend: legendFor(f.headline),
    headlineSource: sourceLine(f.headline),
    hasPeers: peerRows.length > 0,
    peers: peerRows,
    peerNames: md(namesList((peers?.districts ?? []).map((d) => d.short[lang]))),
    peersLegend: legendFor((peers?.rows ?? []).flatMap((r) => [r.own, ...r.others.map((o) => o.value)])),
    hasNextRows: nextRows.length > 0,
    nextRows,
    // This year's targets get a column only where the sources published some.
    nextHasTargets: report.nextMain.some((r) => r.target),
    nextLegend: legendFor(report.nextMain.flatMap((r) => [r.target, r.result, r.next])),
    nextTotal: String(f.nextTargets.length),
    hasProjects: f.projects.length + f.nextProjects.length > 0,
    projectSummary: f.projects.length > 0
      ? t('projects.summary', { year: f.year, total: f.projects.length, statuses: list(statusCounts(f.projects), 'list.enumeration'), nextYear: f.year + 1, nextTotal: f.nextProjects.length })
      : t('projects.summaryNext', { nextYear: f.year + 1, nextTotal: f.nextProjects.length, statuses: list(statusCounts(f.nextProjects), 'list.enumeration') }),
    projectSectors,
    annex,
    scorecard,
    scorecardLegend: legendFor(rowValues(f.scorecard)),
    scorecardSource: sourceLine(rowValues(f.scorecard)),
    results: pairs([...(f.scorecard.length > 0 ? f.headline : []), ...f.otherResults].map((v) => ({ label: plainLabel(v), value: value(v, true), sub: Boolean(v.indicator.parent) })), subEntry),
    otherLegend: legendFor([...f.headline, ...f.otherResults]),
    otherSource: sourceLine([...f.headline, ...f.otherResults]),
    nextTargets: pairs(f.nextTargets.map((v) => ({ label: label(v), target: value(v), sub: Boolean(v.indicator.parent) })), subEntry),
    nextTargetsLegend: legendFor(f.nextTargets),
    nextTargetsSource: sourceLine(f.nextTargets),
    projects: projectsBy(f.projects, f.year),
    nextProjects,
    projectsSource: sourceLine([], [...f.projects, ...f.nextProjects]),
    hasTrend: f.trend.length > 0,
    trendHeader: f.trendColumns.map((c) => ({ text: md(t(`trend.${c.kind}`, { year: c.year })) })),
    trendAlign: [...f.trendColumns.map(() => ' ---: '), ' :---: '].join('|'),
    trendWidths: ['4.4', ...f.trendColumns.map(() => '1.6'), '2.2'].join(','),
    trend: f.trend.map((r) => {
      const plan = f.planProgress.find((p) => p.indicator.id === r.indicator.id && p.latest);
      return {
        label: name(r.indicator) + md(unitSuffix(r.cells.find(Boolean)?.unit, lang)),
        cells: r.cells.map((c) => ({ text: cellOf(c) })),
        plan: plan ? `:span[${t(`planStatus.${plan.evaluation.status}`)}]{class="status-${plan.evaluation.status}"}` : '—',
      };
    }),
    hasPlanColumn: f.trendColumns.some((c) => c.kind === 'fyp_target'),
    trendLegend: legendFor(trendValues),
    trendSource: sourceLine(trendValues),
    hasPlanProgress: planRows.length > 0,
    planWithoutResult: list(f.planProgress.filter((r) => !r.latest).map((r) => t('plan.targetItem', { name: name(r.indicator), target: md(formatPublished(r.target.published, lang, { withUnit: true })) + marksOf(r.target.marks) })), 'list.semicolon'),
    planProgress: planRows.map((r) => ({
      label: name(r.indicator) + md(unitSuffix(r.target.unit, lang)),
      base: cellOf(r.base),
      latest: r.latest ? `${value(r.latest)}${md(t('plan.latestYear', { year: r.latest.chosen.used.year }))}` : '—',
      target: value(r.target),
      status: `:span[${t(`planStatus.${r.evaluation.status}`)}]{class="status-${r.evaluation.status}"}`,
      note: r.differentDefinition ? md(t('plan.differentDefinition', { name: r.differentDefinition.name[lang] })) : '',
    })),
    planSource: sourceLine(planValues),
    notes: marksExplained(f.marksUsed, t),
    conflicts,
    // Values on a changed definition (口径调整): how it changed, the reason they are not judged.
    definitionChanges: f.definitionChanges.map((c) => ({
      indicator: name(c.indicator),
      year: String(c.year),
      kind: t(`kind.${c.kind}`),
      value: md(formatPublished(c.value.published, lang, { withUnit: true })),
      source: md(citationText(c.value.cited, lang, t)),
      note: md(c.note[lang]),
    })),
    documents: f.documents.map((d) => ({ title: md(d.title[lang]), publisher: md(d.publisher[lang]), date: formatDate(d.date, lang) })),
    zh,
  };
}

export type BriefingView = ReturnType<typeof briefingView>;
