// Every district-year the data supports: renders within the page limits, in reader words only, with a scorecard only where a target table exists.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { unzipSync } from 'fflate';
import { analyseDistrictYear } from '../src/analyse/findings.js';
import { renderBriefing, yearsWithData, type RenderedFile } from '../src/pipeline.js';
import { pageBodies, pageFills, pageOf, pageOfLine, pdfPages, pdfText, workspace } from './helpers.js';

const squashed = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, '');
const docxText = (docx: Buffer) => new TextDecoder().decode(unzipSync(docx)['word/document.xml']!).replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Every bundled briefing: the manifest's four district-years and Wanzhou 2020 from the five-year plan. */
const BRIEFINGS = [['wanzhou', 2024], ['wanzhou', 2022], ['dadukou', 2024], ['fuling', 2024], ['wanzhou', 2020]] as const;
/** Page limits of issue 10: whole document, and the page by which the annex begins. */
const LIMITS = { zh: { pages: 10, annex: 5 }, en: { pages: 12, annex: 5 }, 'zh-en': { pages: 18, annex: 7 } } as const;
const ANNEX_HEADING = { zh: '附件', en: 'Annex', 'zh-en': '附件' } as const;
/** Each briefing is rendered in every language mode. */
const MODES = ['zh', 'en', 'zh-en'] as const;

let files: { district: string; year: number; file: RenderedFile }[] = [];
before(async () => {
  for (const [district, year] of BRIEFINGS) {
    const rendered = await renderBriefing(workspace(), { district, year, langs: ['zh', 'en', 'zh-en'], formats: ['pdf', 'docx'], outDir: 'output', date: '2025-01-13' });
    files.push(...rendered.map((file) => ({ district, year, file })));
  }
});
const find = (district: string, year: number, suffix: string) => files.find((f) => f.district === district && f.year === year && f.file.path.endsWith(suffix))!.file.data;

test('the data supports the five district-years', () => {
  const data = workspace().data;
  assert.ok(yearsWithData(data, 'wanzhou').includes(2020) && yearsWithData(data, 'wanzhou').includes(2022) && yearsWithData(data, 'wanzhou').includes(2024));
  assert.ok(yearsWithData(data, 'dadukou').includes(2024));
  assert.ok(yearsWithData(data, 'fuling').includes(2024));
  // 2023 only as the year before a report's: one result for Wanzhou, a few for Dadukou, too few to brief on.
  assert.deepEqual(yearsWithData(data, 'wanzhou'), [2020, 2022, 2024]);
  assert.deepEqual(yearsWithData(data, 'dadukou'), [2024]);
});

test('page 1 is the briefing: title, date in words, key points', () => {
  for (const [district, year] of BRIEFINGS) {
    const zh = find(district, year, '.zh.pdf');
    assert.equal(pageOf(zh, '要点'), 1, `${district} ${year}: key points on page 1`);
    assert.equal(pageOf(zh, '2025年1月13日'), 1, `${district} ${year}: date`);
    assert.equal(pageOf(find(district, year, '.en.pdf'), '13January2025'), 1);
  }
});

test('page limits: every briefing within Wanzhou 2024\'s, the annex on a new page after a short body', () => {
  const measured: string[] = [];
  for (const [district, year] of BRIEFINGS) {
    for (const mode of MODES) {
      const pdf = find(district, year, `.${mode}.pdf`);
      const pages = pdfPages(pdf);
      const annex = pageOfLine(pdf, ANNEX_HEADING[mode]);
      measured.push(`${district} ${year} ${mode}: ${pages} pages, annex on page ${annex}`);
      assert.ok(pages <= LIMITS[mode].pages, `${district} ${year} ${mode}: ${pages} pages, at most ${LIMITS[mode].pages}`);
      assert.ok(annex > 1 && annex <= LIMITS[mode].annex, `${district} ${year} ${mode}: annex begins on page ${annex}, by page ${LIMITS[mode].annex} at the latest`);
      // The annex heading opens its page: nothing of the body shares it.
      const page = pdfText(pdf).split('\f')[annex - 1]!.split('\n').map((l) => l.trim()).filter(Boolean);
      assert.ok(page.indexOf(ANNEX_HEADING[mode]) <= 1, `${district} ${year} ${mode}: the annex starts a page`);
    }
  }
  console.log(measured.join('\n'));
});

/** The number of pages Word shows, as docx's Word layout wrote it into the footer's NUMPAGES field. */
function wordPages(docx: Buffer): number {
  const parts = unzipSync(docx);
  const footers = Object.keys(parts).filter((name) => /^word\/footer\d+\.xml$/.test(name)).map((name) => new TextDecoder().decode(parts[name]!));
  const field = footers.map((xml) => /NUMPAGES.*?<w:fldChar w:fldCharType="separate"\/>.*?<w:t[^>]*>(\d+)<\/w:t>/s.exec(xml)).find(Boolean);
  assert.ok(field, 'the footer has the number of pages written in');
  return Number(field[1]);
}

test('page limits in Word: every DOCX within the same limits, as docx lays its pages out as Word does', () => {
  for (const [district, year] of BRIEFINGS) {
    for (const mode of MODES) {
      const pages = wordPages(find(district, year, `.${mode}.docx`));
      assert.ok(pages <= LIMITS[mode].pages, `${district} ${year} ${mode} DOCX: ${pages} pages in Word, at most ${LIMITS[mode].pages}`);
    }
  }
});

test('pages fill: none but the last and the body\'s last (the annex begins a page) is less than half full', () => {
  for (const { file } of files.filter((f) => f.file.path.endsWith('.pdf'))) {
    const mode = MODES.find((m) => file.path.endsWith(`.${m}.pdf`))!;
    const annex = pageOfLine(file.data, ANNEX_HEADING[mode]);
    const fills = pageFills(file.data);
    for (const [i, fill] of fills.slice(0, -1).entries()) {
      if (i + 2 !== annex) assert.ok(fill >= 0.5, `${file.path}: page ${i + 1} is ${Math.round(fill * 100)}% full`);
    }
  }
});

test('a page left nearly empty after a chart is saved by drawing the charts a little smaller (Fuling 2024 in English)', () => {
  const pdf = find('fuling', 2024, '.en.pdf');
  const annex = pageOfLine(pdf, ANNEX_HEADING.en);
  const fills = pageFills(pdf).slice(0, annex - 1);
  assert.ok(fills.every((fill) => fill >= 0.25), `pages before the annex: ${fills.map((f) => Math.round(f * 100)).join('%, ')}%`);
  assert.equal(annex, 3, 'the body in two pages');
});

test('English documents in English: no Chinese characters; notes in words, no letters standing for them', () => {
  for (const { file } of files) {
    if (file.path.includes('.en.')) {
      const text = file.path.endsWith('.pdf') ? pdfText(file.data) : docxText(file.data);
      assert.doesNotMatch(text, /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/, file.path);
    }
    if (file.path.endsWith('.docx')) {
      const xml = new TextDecoder().decode(unzipSync(file.data)['word/document.xml']!);
      assert.doesNotMatch(xml, /<w:rStyle w:val="NoteMark"\/>(?:<[^>]*>)*?<w:t[^>]*>[^<]*[a-z][^<]*<\/w:t>/, `${file.path}: a note mark in letters`);
    }
  }
});

/** Lines that are headings or subheadings: section (一、/ 1. Key points), annex item, the project lists' subheadings. */
const HEADING_LINE = [/^[一二三四五六七八九十]+、/, /^\d+\. [A-Z][a-z]+( [a-z]+)*$/, /^(附件|Annex )\d/, /重点项目(推进情况|安排)$/, /^(Progress of key projects in|Key projects planned for) \d{4}$/];

test('no heading alone at the foot of a page', () => {
  for (const { file } of files.filter((f) => f.file.path.endsWith('.pdf'))) {
    const pages = pageBodies(file.data);
    for (const [i, page] of pages.slice(0, -1).entries()) {
      const last = page.split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? '';
      assert.ok(!HEADING_LINE.some((h) => h.test(last)), `${file.path}: page ${i + 1} ends with the heading "${last}"`);
    }
  }
});

/** Words meant for us, not for readers: paths, file names, line numbers, ids, messages to developers. */
const INTERNAL = [
  /data\//, /\.csv\b/, /\.ya?ml\b/, /\.txt\b/, /output\//, /\bline \d+/, /第\d+行/, /需人工判读/, /needs reading/i,
  /\b[a-z]+_[a-z_]+\b/, /\b(undefined|null|NaN)\b/, /\{\{|\}\}/,
];

test('reader words only: no path, line number, id or developer message in any PDF or DOCX text', () => {
  for (const { file } of files) {
    const text = file.path.endsWith('.pdf') ? pdfText(file.data) : docxText(file.data);
    for (const pattern of INTERNAL) assert.doesNotMatch(text, pattern, `${file.path}: ${pattern}`);
  }
});

test('US spelling in English', () => {
  for (const { file } of files.filter((f) => f.file.path.includes('.en.'))) {
    const text = file.path.endsWith('.pdf') ? pdfText(file.data) : docxText(file.data);
    assert.doesNotMatch(text, /\b(programme|centre|theatre|colour|labour|favour|harbour|aluminium|chilli|ageing|fibre|defence|enrolment|organis|analys(e|ing)\b|[a-z]+isations?\b|(utili|speciali|centrali|customi)sed\b)/i, file.path);
  }
});

test('Dadukou and Fuling 2024: results and next targets, no invented scorecard; estimates said in words', () => {
  for (const district of ['dadukou', 'fuling']) {
    const f = analyseDistrictYear(workspace().data, district, 2024);
    assert.equal(f.scorecard.length, 0, district);
    assert.ok(f.nextTargets.length >= 20, `${district} 2025 targets`);
    const text = squashed(find(district, 2024, '.zh-en.pdf'));
    assert.ok(text.includes('本年度来源文件未发布目标完成情况表'), district);
    assert.ok(text.includes('2025年主要目标'), district);
    // Without a target table, the year's growth beside next year's targets is the briefing's chart.
    assert.ok(text.includes('Figure1.') && text.includes('主要增速中'), `${district}: a chart of growth and next year's targets`);
  }
  const fuling = analyseDistrictYear(workspace().data, 'fuling', 2024);
  const gdp = fuling.headline.find((h) => h.indicator.id === 'gdp');
  assert.ok(gdp?.marks.includes('estimate'), 'Fuling GDP is an estimate (预计)');
  assert.ok(squashed(find('fuling', 2024, '.zh.pdf')).includes('预计'));
  assert.ok(squashed(find('fuling', 2024, '.en.pdf')).includes('(estimate)'));
  assert.ok(squashed(find('fuling', 2024, '.zh.pdf')).includes('6.5左右（预计）'), 'an estimate says so beside the value');
});

test('Wanzhou 2022: targets and results by theme', () => {
  const f = analyseDistrictYear(workspace().data, 'wanzhou', 2022);
  assert.ok(f.scorecard.length >= 20);
  assert.ok(squashed(find('wanzhou', 2022, '.en.pdf')).includes('Targetsandresults'));
});

test('Wanzhou 2024: trend from the plan base and progress toward the plan, definitions told apart', () => {
  const f = analyseDistrictYear(workspace().data, 'wanzhou', 2024);
  assert.ok(f.trendColumns.some((c) => c.kind === 'base' && c.year === 2020));
  assert.ok(f.trendColumns.some((c) => c.kind === 'result' && c.year === 2022));
  assert.ok(f.trendColumns.some((c) => c.kind === 'fyp_target' && c.year === 2025));
  assert.ok(!f.trendColumns.some((c) => c.kind === 'result' && c.year === 2020), 'the base year is one column');
  const urbanisation = f.planProgress.find((r) => r.indicator.id === 'urbanisation_rate');
  assert.equal(urbanisation?.latest?.chosen.used.text, '71.5');
  assert.equal(urbanisation?.evaluation.status, 'not_met');
  const growth = f.planProgress.find((r) => r.indicator.id === 'gdp_growth_5y_avg');
  if (growth?.latest) {
    assert.equal(growth.evaluation.status, 'not_comparable');
    assert.equal(growth.differentDefinition?.id, 'gdp_growth');
  }
});

test('compared with peers: ranked among districts with data for the year; no section without peers', () => {
  const text = squashed(find('dadukou', 2024, '.zh.pdf'));
  assert.ok(text.includes('与其他区县比较'));
  assert.ok(text.includes('地区生产总值增速5.8%第3/3'), 'Dadukou GDP growth ranks third of three');
  assert.ok(!squashed(find('wanzhou', 2022, '.en.pdf')).includes('Comparedwithpeers'));
});
