// Editions without rendering: the recorded dependency set (golden), correction versus update, the notice's text in zh, en and zh-en, state size.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readManifest } from '../src/build/manifest.js';
import { composeBriefing, composeDocument, type LangMode } from '../src/compose/compose.js';
import { loadDataset } from '../src/data/load.js';
import type { Dataset } from '../src/data/types.js';
import type { Block, Inline } from '../src/ir/types.js';
import { briefingReport, comparisonPlan } from '../src/pipeline.js';
import { whatChanged } from '../src/publish/changes.js';
import { briefingShows, recordValues, type Dependencies } from '../src/publish/dependencies.js';
import { briefingEntry, editionWrites, planEditions, type EditionSettings, type PlannedEdition } from '../src/publish/editions.js';
import { emptyState, serialiseState, type DocumentState, type PublishState } from '../src/publish/state.js';
import { loadMessages } from '../src/compose/messages-i18n.js';
import { assertGolden, DATA, FONTS, ROOT, scratchData, TEMPLATES } from './helpers.js';

const ORIGINAL = 'wanzhou,2024,digital_core_growth,result,市级暂未反馈,,wanzhou-plan-2024,52,,,';
const CORRECTED = 'wanzhou,2024,digital_core_growth,result,16.2,revised,wanzhou-plan-2024,52,,万州区统计局2025年3月反馈的年度数据,"annual figure reported by the Wanzhou statistics bureau, March 2025"';

/** A copy of the data with one row of wanzhou-2024.csv replaced. */
function editedData(from: string, to: string, file = 'observations/wanzhou-2024.csv'): Dataset {
  const data = scratchData();
  const csv = join(data, file);
  const text = readFileSync(csv, 'utf8');
  assert.ok(text.includes(from), `the data holds ${from}`);
  writeFileSync(csv, text.replace(from, to));
  return loadDataset(data);
}

const settings: EditionSettings = {
  inputs: { dataDir: DATA, templatesDir: TEMPLATES, fontsDir: FONTS, codeDir: join(ROOT, 'dist', 'src') },
  outDir: '/nowhere', docxCharts: 'native', editionDate: '2025-03-01',
};
const manifest = readManifest(join(ROOT, 'briefing.yaml'));
const requests = manifest.documents.map((entry) => ({ entry, outputs: [{ lang: 'zh' as const, format: 'pdf' as const }] }));

/** Plans every bundled document against `state` and returns the state a build would write (files not rendered). */
function step(data: Dataset, state: PublishState): { planned: PlannedEdition[]; next: PublishState } {
  const planned = planEditions({ data }, settings, state, requests);
  const { next } = editionWrites(settings, '/nowhere/state.json', state, planned, planned.map(() => []));
  return { planned, next };
}

test('golden: the data values the Wanzhou 2024 briefing shows, and what the others do not', () => {
  const data = loadDataset(DATA);
  const values = (district: string, year: number) => recordValues(data, briefingShows(briefingReport({ data }, { district, year }))).values;
  const wanzhou = values('wanzhou', 2024);
  assertGolden('dependencies/wanzhou-2024.txt', `${Object.entries(wanzhou).map(([k, v]) => `${k}\t${v.slice(v.indexOf(' ') + 1)}`).join('\n')}\n`);
  assert.ok(wanzhou['wanzhou 2024 digital_core_growth result']);
  // The peer table shows other districts' headline growth rates only.
  assert.ok(wanzhou['dadukou 2024 gdp_growth result']);
  assert.ok(!Object.keys(wanzhou).some((k) => k.startsWith('dadukou 2024 high_tech_enterprises')));
  for (const [district, year] of [['dadukou', 2024], ['fuling', 2024], ['wanzhou', 2022]] as const) {
    assert.ok(!Object.keys(values(district, year)).some((k) => k.startsWith('wanzhou 2024 digital_core_growth')), `${district} ${year} does not show it`);
  }
});

test('the correction reissues the Wanzhou 2024 briefing and the memo, as corrections with consequences; nothing else', () => {
  const first = step(loadDataset(DATA), emptyState());
  assert.deepEqual(first.planned.map((p) => p.verdict.kind), ['first', 'first', 'first', 'first', 'first']);
  const second = step(editedData(ORIGINAL, CORRECTED), first.next);
  const byKey = Object.fromEntries(second.planned.map((p) => [p.entry.key, p]));
  assert.deepEqual(second.planned.map((p) => [p.entry.key, p.verdict.kind, p.edition.edition]), [
    ['wanzhou-2024', 'correction', 2], ['wanzhou-2022', 'unchanged', 1], ['dadukou-2024', 'unchanged', 1], ['fuling-2024', 'unchanged', 1],
    ['compare-dadukou-fuling-wanzhou-2024', 'correction', 2],
  ]);
  assert.deepEqual(byKey['wanzhou-2024']!.verdict.changes, [{
    district: 'wanzhou', year: 2024, indicator: 'digital_core_growth', kind: 'result', old: '市级暂未反馈', new: '16.2',
    note: { zh: '万州区统计局2025年3月反馈的年度数据', en: 'annual figure reported by the Wanzhou statistics bureau, March 2025' },
  }]);
  assert.deepEqual(byKey['compare-dadukou-fuling-wanzhou-2024']!.verdict.consequences, [
    { figure: 'targets wanzhou met', old: '21', new: '22' }, { figure: 'targets wanzhou pending', old: '5', new: '4' },
  ]);
});

test('one figure published twice (a table cell and a sentence), corrected alike in both rows, is one correction', () => {
  const first = step(loadDataset(DATA), emptyState());
  const data = scratchData();
  const csv = join(data, 'observations', 'wanzhou-2024.csv');
  const note = ',revised,wanzhou-plan-2024,$1,$2,区统计局年报修订,revised in the district statistics bureau\'s annual report';
  writeFileSync(csv, readFileSync(csv, 'utf8')
    .replace(/^wanzhou,2024,gdp_growth,result,6\.8,,wanzhou-plan-2024,(27),(),,$/m, `wanzhou,2024,gdp_growth,result,6.9${note}`)
    .replace(/^wanzhou,2024,gdp_growth,result,6\.8%,,wanzhou-plan-2024,(213),(地区生产总值同比增长6\.8%),,$/m, `wanzhou,2024,gdp_growth,result,6.9%${note}`));
  const corrected = step(loadDataset(data), first.next).planned.find((p) => p.entry.key === 'wanzhou-2024')!;
  assert.equal(corrected.verdict.kind, 'correction');
  assert.deepEqual(corrected.verdict.changes.map((c) => [c.indicator, c.old, c.new]), [['gdp_growth', '6.8', '6.9']]);
});

test('a project changed is an update of the documents that list or count it', () => {
  const first = step(loadDataset(DATA), emptyState());
  const csv = readFileSync(join(DATA, 'projects', 'wanzhou-2024.csv'), 'utf8').split('\n')[1]!;
  const en = csv.split(',')[5]!;
  const second = step(editedData(csv, csv.replace(`,${en},`, `,${en} (phase 2),`), 'projects/wanzhou-2024.csv'), first.next);
  assert.deepEqual(second.planned.map((p) => [p.entry.key, p.verdict.kind, p.verdict.why]), [
    ['wanzhou-2024', 'update', ['projects']], ['wanzhou-2022', 'unchanged', []], ['dadukou-2024', 'unchanged', []], ['fuling-2024', 'unchanged', []],
    ['compare-dadukou-fuling-wanzhou-2024', 'update', ['projects']],
  ]);
});

test('correction versus update: a revised or noted new text corrects; an added value, a bare change, a template or the tool updates', () => {
  const data = loadDataset(DATA);
  const report = briefingReport({ data }, { district: 'wanzhou', year: 2024 });
  const recorded = recordValues(data, briefingShows(report));
  const deps: Dependencies = { values: recorded.values, projects: 'p', inputs: { 'template district-briefing.md.hbs': 't', code: 'c' } };
  const previous: DocumentState = { edition: 1, first: '2025-01-13', date: '2025-01-13', files: {}, dependencies: deps, figures: {}, log: [] };
  const key = 'wanzhou 2024 gdp_growth target';
  const observation = recorded.observations.get(key)!;
  const changed = (text: string, extra: object) => {
    const o = { ...observation, text, ...extra };
    return { deps: { ...deps, values: { ...deps.values, [key]: `0000000000ff ${text}` } }, observations: new Map([...recorded.observations, [key, o]]) };
  };
  const revised = changed('7.5', { flags: ['revised'], note: '区统计局', noteEn: 'district statistics bureau' });
  assert.equal(whatChanged(previous, revised.deps, {}, revised.observations).kind, 'correction');
  const noted = changed('7.5', { note: '区统计局' });
  assert.equal(whatChanged(previous, noted.deps, {}, noted.observations).kind, 'correction');
  const bare = changed('7.5', {});
  assert.deepEqual(whatChanged(previous, bare.deps, {}, bare.observations), { kind: 'update', changes: [], consequences: [], why: [`value updated: ${key}`] });
  const flagOnly = changed(observation.text, { flags: ['revised'], note: 'x' });
  assert.equal(whatChanged(previous, flagOnly.deps, {}, flagOnly.observations).kind, 'update', 'the same text is no correction');
  const added = { ...deps, values: { ...deps.values, 'wanzhou 2024 new_thing result': '0000000000aa 1' } };
  assert.deepEqual(whatChanged(previous, added, {}, recorded.observations).why, ['value added: wanzhou 2024 new_thing result']);
  assert.equal(whatChanged(previous, added, {}, recorded.observations).kind, 'update');
  assert.deepEqual(whatChanged(previous, { ...deps, inputs: { ...deps.inputs, code: 'd' } }, {}, recorded.observations), { kind: 'update', changes: [], consequences: [], why: ['code'] });
  assert.equal(whatChanged(previous, deps, {}, recorded.observations).kind, 'unchanged');
});

/** The paragraphs of the correction notice: from its heading to the next section. */
function noticeOf(blocks: Block[]): string[] {
  const plain = (nodes: Inline[]): string => nodes.map((n) => (n.type === 'text' || n.type === 'mark' ? n.value : 'children' in n ? plain(n.children) : '\n')).join('');
  const start = blocks.findIndex((b) => b.type === 'heading' && /更正说明|Correction notice/.test(plain(b.children)));
  if (start < 0) return [];
  const end = blocks.findIndex((b, i) => i > start && b.type === 'heading' && b.depth <= 2);
  const paragraphs = (list: Block[]): string[] => list.flatMap((b) => (b.type === 'paragraph' ? [plain(b.children)] : b.type === 'list' ? b.items.flatMap(paragraphs) : []));
  return paragraphs(blocks.slice(start + 1, end < 0 ? undefined : end));
}

test('the notice in zh, en and zh-en: old → new with the note, in the document\'s language, in reader words', () => {
  const data = editedData(ORIGINAL, CORRECTED);
  const first = step(loadDataset(DATA), emptyState());
  const planned = step(data, first.next).planned;
  const wanzhou = planned.find((p) => p.entry.key === 'wanzhou-2024')!;
  const report = briefingReport({ data }, { district: 'wanzhou', year: 2024, edition: wanzhou.edition });
  const notice = (mode: LangMode) => noticeOf(composeBriefing(report, mode, { templatesDir: TEMPLATES, date: '2025-01-13', revision: 2 }).blocks);
  const zh = notice('zh');
  assert.deepEqual(zh, [
    '第2版（2025年3月1日）更正了前一版的下列数字：',
    '万州2024年数字经济核心产业增加值增速（完成情况）：市级暂未反馈 → 16.2%。说明：万州区统计局2025年3月反馈的年度数据。',
    '由此，万州目标“完成”项数：21 → 22。',
    '由此，万州目标“待反馈”项数：5 → 4。',
  ]);
  const en = notice('en');
  assert.equal(en.length, 4);
  assert.match(en[0]!, /^Edition 2 \(1 March 2025\) corrects these figures/);
  assert.match(en[1]!, /^Wanzhou 2024, .*\(result\): not yet reported by the city → 16\.2%\. Note: annual figure reported by the Wanzhou statistics bureau, March 2025\.$/);
  assert.equal(en[2], "As a result, Wanzhou's targets met: 21 → 22.");
  // zh-en: each Chinese paragraph followed by its English one.
  assert.deepEqual(notice('zh-en'), zh.flatMap((z, i) => [z, en[i]!]));
  for (const text of [...zh, ...en]) {
    assert.doesNotMatch(text, /output|archive|\.pdf|\.csv|digital_core_growth|wanzhou-plan|revised|flag|line \d|行/i, text);
  }
  assert.ok(!zh.join('').includes('statistics bureau'), 'no English in the Chinese notice');
  // The title block: first edition and this edition.
  const ir = composeBriefing(report, 'zh', { templatesDir: TEMPLATES, date: '2025-01-13', revision: 2 });
  const title = JSON.stringify(ir.blocks[0]);
  assert.ok(title.includes('第2版（更正版） · 首次发布：2025年1月13日 · 本版：2025年3月1日'), title);
});

test('the memo lists the correction and its consequences; an update has no notice', () => {
  const data = editedData(ORIGINAL, CORRECTED);
  const first = step(loadDataset(DATA), emptyState());
  const memo = step(data, first.next).planned.find((p) => p.entry.key.startsWith('compare'))!;
  const ws = { data, fonts: undefined as never, templatesDir: TEMPLATES };
  const plan = comparisonPlan(ws, { districts: ['wanzhou', 'dadukou', 'fuling'], year: 2024, langs: ['zh'], formats: ['pdf'], outDir: '/nowhere', edition: memo.edition });
  const messages = { zh: loadMessages(TEMPLATES, 'zh'), en: loadMessages(TEMPLATES, 'en') };
  const zh = noticeOf(plan.compose('zh', messages).blocks);
  assert.equal(zh.length, 4);
  assert.ok(zh[1]!.includes('市级暂未反馈 → 16.2%'));
  const update = { ...memo.edition, log: [...memo.edition.log.slice(0, 1), { edition: 2, date: '2025-03-01', kind: 'update' as const, why: ['template comparison-memo.md.hbs'] }] };
  const updated = comparisonPlan(ws, { districts: ['wanzhou', 'dadukou', 'fuling'], year: 2024, langs: ['zh'], formats: ['pdf'], outDir: '/nowhere', edition: update });
  const blocks = updated.compose('zh', messages).blocks;
  assert.deepEqual(noticeOf(blocks), []);
  assert.ok(JSON.stringify(blocks).includes('第2版 · 首次发布'));
  void composeDocument;
});

test('the state stays small, diffable and stable after 20 corrections', () => {
  let { next: state } = step(loadDataset(DATA), emptyState());
  let previous = ORIGINAL;
  for (let i = 1; i <= 20; i++) {
    const row = CORRECTED.replace(',16.2,', `,16.${i},`);
    const data = editedData(ORIGINAL, row);
    ({ next: state } = step(data, state));
    previous = row;
  }
  void previous;
  // Six files a document, as the bundled project writes them.
  for (const d of Object.values(state.documents)) for (const name of ['zh', 'en', 'zh-en'].flatMap((l) => [`x.${l}.pdf`, `x.${l}.docx`])) d.files[name] = 'f'.repeat(64);
  const text = serialiseState(state);
  assert.equal(state.documents['wanzhou-2024']!.edition, 21);
  assert.equal(state.documents['wanzhou-2022']!.edition, 1);
  assert.ok(text.length < 200_000, `${text.length} bytes`);
  assert.equal(serialiseState(JSON.parse(text) as PublishState), text, 'reading and writing again gives the same bytes');
  assert.ok(text.split('\n').some((l) => /^ {5}"wanzhou 2024 digital_core_growth result": "[0-9a-f]{12} 16\.20?"/.test(l)), 'one value a line');
  console.log(`state after 20 corrections: ${text.length} bytes`);
});
