// `briefing import`: golden drafts of real extracts, HTML and DOCX read like text, honesty, and the command's files and errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { loadCatalogue } from '../src/import/catalogue.js';
import { draftFiles } from '../src/import/draft-files.js';
import type { Draft } from '../src/import/draft.js';
import { importReport } from '../src/import/import-report.js';
import { docxLines, htmlLines, readReport } from '../src/import/read-report.js';
import { loadDataset, readDataset } from '../src/data/load.js';
import { readXlsx } from '../src/data/read-xlsx.js';
import { planMerge } from '../src/import/merge.js';
import { assertGolden, DATA, ROOT, scratchData } from './helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'import');
const catalogue = loadCatalogue(DATA);

function draftOf(lines: string[], district: string, doc: string, year: number): Draft {
  return importReport({ district, doc, year, lines, catalogue });
}

const csv = (draft: Draft, which: 'observations' | 'projects') =>
  draftFiles(draft, catalogue, 'csv').find((f) => f.name === `${which}.csv`)!.data.toString('utf8');

const fixture = (name: string) => readReport(join(FIXTURES, name));

test('a 表1-style table: targets and results of the year, units from the header, 以上 and pending kept as printed', () => {
  const draft = draftOf(fixture('table.txt'), 'wanzhou', 'wanzhou-plan-2024', 2024);
  assertGolden('import/table.observations.csv', csv(draft, 'observations'));
  const gdp = draft.observations.filter((o) => o.indicator === 'gdp_growth');
  assert.deepEqual(gdp.map((o) => [o.year, o.kind, o.text, o.table]), [[2024, 'target', '7', '表1'], [2024, 'result', '6.8', '表1']]);
  assert.ok(draft.observations.every((o) => o.flags.includes('draft')));
  assert.ok(draft.observations.some((o) => o.indicator === 'industrial_investment_growth'), 'the # sub-indicator row');
});

test('a prose paragraph: results under the review heading, targets under the plan heading, 分别 lists, 预计 as estimate', () => {
  const draft = draftOf(fixture('prose.txt'), 'fuling', 'fuling-gwr-2025', 2024);
  assertGolden('import/prose.observations.csv', csv(draft, 'observations'));
  const find = (indicator: string, year: number) => draft.observations.find((o) => o.indicator === indicator && o.year === year);
  assert.deepEqual([find('gdp', 2024)?.text, find('gdp', 2024)?.flags], ['突破1700亿元', ['draft', 'estimate']]);
  assert.equal(find('gdp_growth', 2024)?.text, '6.5%左右');
  assert.deepEqual(['industrial_value_added_growth', 'fixed_asset_investment_growth', 'retail_sales_growth'].map((i) => find(i, 2024)?.text), ['9%', '6%', '5%']);
  assert.deepEqual([find('gdp_growth', 2025)?.kind, find('gdp_growth', 2025)?.text], ['target', '6%以上']);
  for (const o of draft.observations) assert.ok(readFileSync(join(FIXTURES, 'prose.txt'), 'utf8').split('\n')[o.line - 1]!.includes(o.quote), o.quote);
});

test('a five-year-plan table read from a PDF: 2020 base, 2025 target, wrapped names, a missing base', () => {
  const draft = draftOf(fixture('five-year-plan.txt'), 'wanzhou', 'wanzhou-fyp14', 2020);
  assertGolden('import/five-year-plan.observations.csv', csv(draft, 'observations'));
  const gdp = draft.observations.filter((o) => o.indicator === 'gdp_growth_5y_avg');
  assert.deepEqual(gdp.map((o) => [o.year, o.kind, o.text]), [[2020, 'base', '4.9'], [2025, 'fyp_target', '7左右']]);
  const digital = draft.observations.filter((o) => o.indicator === 'digital_industry_growth_5y_avg');
  assert.deepEqual(digital.map((o) => [o.year, o.kind, o.text]), [[2025, 'fyp_target', '15']]);
  assert.ok(draft.observations.filter((o) => o.nature === '预期性').length > 10);
});

test('a project box: names split on ；, the status from the label, the year from the caption', () => {
  const draft = draftOf(fixture('project-box.txt'), 'dadukou', 'dadukou-plan-2024', 2024);
  assertGolden('import/project-box.projects.csv', csv(draft, 'projects'));
  const started = draft.projects.find((p) => p.zh === '春风动力摩托车制造基地');
  assert.deepEqual([started?.year, started?.status, started?.table, started?.line], [2024, 'started', '专栏1', 2]);
  assert.ok(draft.projects.some((p) => p.zh === '中南高科智能制造科技园' && p.status === 'completed'));
});

test('a 专栏 box printed as a three-column table (PDF): the project column\'s lines rejoined, names split on 、, 等项目 left off', () => {
  const draft = draftOf(fixture('project-columns.txt'), 'wanzhou', 'wanzhou-fyp14', 2020);
  assertGolden('import/project-columns.projects.csv', csv(draft, 'projects'));
  const names = draft.projects.map((p) => p.zh);
  for (const name of ['特铝新材料', '绿色建材基地', '铜板带', '轨道贯通地线', '双相不锈钢', '生猪屠宰及肉制品精深加工', '汽车行李架', '轻量化汽车零部件']) assert.ok(names.includes(name), name);
  assert.ok(!names.some((n) => /积极发展|重点实施|等|项目$/.test(n)), 'nothing of the direction column, no list words');
  const first = draft.projects.find((p) => p.zh === '特铝新材料');
  assert.deepEqual([first?.year, first?.status, first?.table, first?.line], [2025, 'planned_continue', '专栏4', 23]);
  assert.equal(draft.projects.find((p) => p.zh === '轻量化汽车零部件')?.line, 59, 'a name keeps the line it starts on');
  const over = draft.projects.find((p) => p.zh === '汽车挡风玻璃');
  assert.deepEqual([over?.line, over?.lineEnd], [57, 59], 'and gives the line it ends on');
});

test('a prose project list: verbs before or after the names, with 等项目 or without, 和 between two whole names, the year from the heading', () => {
  const draft = draftOf(fixture('project-prose.txt'), 'fuling', 'fuling-gwr-2025', 2024);
  assertGolden('import/project-prose.projects.csv', csv(draft, 'projects'));
  const status = (name: string, year = 2024) => draft.projects.find((p) => p.zh === name && p.year === year)?.status;
  assert.deepEqual(['清溪码头', '石沱长江大桥', '龙头港铁路专用线', '12、13号泊位'].map((n) => status(n)), ['in_progress', 'in_progress', 'completed', 'completed']);
  assert.deepEqual(['倪峰片区', '望州关片区', '巴兴巷', '白鹤路二期'].map((n) => status(n)), ['started', 'in_progress', 'completed', 'started'], '"等3个城中村改造项目全面启动", "等6个老旧小区改造完成"');
  assert.deepEqual(['绕城高速西环北环', '渝宜高铁', '清溪码头'].map((n) => status(n, 2025)), ['planned_start', 'planned_continue', 'planned_complete']);
  assert.deepEqual(['水利沟水库', '四合沟水库'].map((n) => status(n, 2025)), ['planned_complete', 'planned_complete'], 'the list\'s shared 主体工程 left off');
  const names = draft.projects.map((p) => p.zh);
  assert.ok(!names.some((n) => /\d+(?:个|公里|户|座)|动态清零/.test(n)), 'counts and values are not projects');
});

/** "status name" of each project a few lines of prose give, in a report reviewing 2022. */
const projectsOf = (...lines: string[]) => draftOf(lines, 'wanzhou', 'wanzhou-plan-2022', 2022).projects.map((p) => `${p.status} ${p.zh}`);

test('project lists: the verb before or after the names gives the status; list words, shared tails and 以及', () => {
  assert.deepEqual(projectsOf('石笋沟水库、枫木水库等项目主体完工，青龙水库等项目加快建设。17个农村供水保障项目开工建设。'),
    ['completed 石笋沟水库', 'completed 枫木水库', 'in_progress 青龙水库']);
  assert.deepEqual(projectsOf('渝万高铁加快建设、渝宜高铁顺利开工。'), ['in_progress 渝万高铁', 'started 渝宜高铁']);
  assert.deepEqual(projectsOf('开工建设农村公路安防以及恒合土家族乡曾狮路改扩建一期、恒合和后山等农村连片供水等项目。'),
    ['started 农村公路安防', 'started 恒合土家族乡曾狮路改扩建一期', 'started 恒合和后山等农村连片供水']);
  assert.deepEqual(projectsOf('竣工天城卫生院标准化建设等项目。'), ['completed 天城卫生院标准化建设'], 'with a list word, 建设 is the name\'s');
  assert.deepEqual(projectsOf('重点推进三峡综合物流枢纽和新田物流枢纽建设，建成董家快递物流园。'),
    ['in_progress 三峡综合物流枢纽', 'in_progress 新田物流枢纽', 'completed 董家快递物流园'], 'without one, the list\'s');
  assert.deepEqual(projectsOf('铁路:加快推进万(州)黔(江)高铁、长垫梁万铁路前期工作并及时开工;研究论证沿江货运铁路。'),
    ['started 万(州)黔(江)高铁', 'started 长垫梁万铁路']);
});

test('project lists: what is not one — work before building, a kind of thing, a count, a value, a scope, a clause', () => {
  assert.deepEqual(projectsOf('加快推进万巫南线高速等项目前期工作。大滩口水库扩建前期工作加快推进。'), []);
  assert.deepEqual(projectsOf('乡村旅游:分水、甘宁、铁峰等休闲农业和乡村旅游。有序推进谷花、苏家湾等片区开发。'), []);
  assert.deepEqual(projectsOf('建成全国基层中医药工作示范区，实施智能化改造项目35个以上，新建小微停车场11个。'), []);
  assert.deepEqual(projectsOf('11座污水处理厂扩容改造有序推进，加快建设市级区域医疗中心，大力实施“五名”工程。'), []);
  assert.deepEqual(projectsOf('“四个一批”强力推进，完成“三区三线”划定。'), []);
});

test('an unknown indicator name becomes a proposed indicator, not a dropped row', () => {
  const lines = ['表1  2024年主要指标', '\t序号', '\t指标名称', '\t2024年目标', '\t完成情况', '', '\t1', '\t低空经济产值增速（%）', '\t20', '\t25', ''];
  const draft = draftOf(lines, 'wanzhou', 'wanzhou-plan-2024', 2024);
  assert.equal(draft.observations.length, 2);
  assert.ok(draft.observations.every((o) => o.proposed && o.indicator === draft.proposed[0]!.id));
  assert.deepEqual([draft.proposed[0]!.zh, draft.proposed[0]!.unit], ['低空经济产值增速', '%']);
  const yaml = draftFiles(draft, catalogue, 'csv').find((f) => f.name === 'indicators.yaml')!.data.toString('utf8');
  assert.match(yaml, /zh: "低空经济产值增速"/);
});

test('HTML and DOCX tables read like the text extraction', async () => {
  const rows = [['序号', '指标名称', '2024年目标', '完成情况'], ['1', '地区生产总值增速（%）', '7', '6.8'], ['2', '规上工业增加值增速（%）', '16', '11.5']];
  const html = `<html><body><p>表1&nbsp; 2024年主要指标</p><table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table><p>地区生产总值同比增长6.8%。</p></body></html>`;
  const doc = new Document({
    sections: [{ children: [new Paragraph('表1  2024年主要指标'), new Table({ rows: rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }), new Paragraph('地区生产总值同比增长6.8%。')] }],
  });
  const docx = await Packer.toBuffer(doc);
  const values = (lines: string[]) => draftOf(lines, 'wanzhou', 'wanzhou-plan-2024', 2024).observations.map((o) => `${o.year} ${o.indicator} ${o.kind} ${o.text}`);
  const expected = ['2024 gdp_growth target 7', '2024 gdp_growth result 6.8', '2024 industrial_value_added_growth target 16', '2024 industrial_value_added_growth result 11.5', '2024 gdp_growth result 6.8%'];
  assert.deepEqual(values(htmlLines(html)), expected);
  assert.deepEqual(values(docxLines(docx, 'test.docx')), expected);
});

test('honesty: a number changed in the report changes in the draft; nothing is filled from the data', () => {
  const source = readFileSync(join(DATA, 'sources', '000_0798edd91b3d5539.txt'), 'utf8').split('\n');
  const changed = [...source];
  assert.equal(changed[26], '\t6.8');
  changed[26] = '\t6.3';
  changed[212] = changed[212]!.replace('地区生产总值同比增长6.8%', '地区生产总值同比增长6.1%');
  changed[35] = '\t';
  const draft = draftOf(changed, 'wanzhou', 'wanzhou-plan-2024', 2024);
  const gdp = draft.observations.filter((o) => o.indicator === 'gdp_growth' && o.year === 2024 && o.kind === 'result');
  assert.deepEqual(gdp.map((o) => [o.line, o.text]), [[27, '6.3'], [213, '6.1%']]);
  assert.equal(draft.observations.some((o) => o.indicator === 'agriculture_value_added_growth' && o.kind === 'target'), false, 'an emptied cell is not filled');
});

function briefing(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'briefing.js'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('briefing import writes observations and projects as CSV, JSON or Excel; a missing report is an error and writes nothing', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'briefing-import-')), 'draft');
  const r = briefing('import', join(FIXTURES, 'table.txt'), '--district', 'wanzhou', '--doc', 'wanzhou-plan-2024', '--year', '2024', '-o', out);
  assert.equal(r.code, 0, r.stderr);
  const observations = readFileSync(join(out, 'observations.csv'), 'utf8');
  assert.match(observations.split('\n')[0]!, /^\ufeffdistrict,year,indicator,kind,text,flags,doc,line,quote,note,line_end,table,/);
  assert.match(observations, /wanzhou,2024,gdp_growth,target,7,draft,wanzhou-plan-2024,10,/);
  assert.ok(existsSync(join(out, 'projects.csv')));
  const json = briefing('import', join(FIXTURES, 'table.txt'), '--district', 'wanzhou', '--doc', 'wanzhou-plan-2024', '--year', '2024', '-o', out, '--format', 'json');
  assert.equal(json.code, 0, json.stderr);
  assert.equal(JSON.parse(readFileSync(join(out, 'observations.json'), 'utf8'))[0].indicator, 'gdp_growth');
  const xlsx = briefing('import', join(FIXTURES, 'table.txt'), '--district', 'wanzhou', '--doc', 'wanzhou-plan-2024', '--year', '2024', '-o', out, '--format', 'xlsx');
  assert.equal(xlsx.code, 0, xlsx.stderr);
  const [sheet] = readXlsx(readFileSync(join(out, 'observations.xlsx')));
  assert.equal(sheet!.name, 'observations');
  assert.deepEqual(sheet!.rows[0]!.cells.slice(0, 5), ['district', 'year', 'indicator', 'kind', 'text']);
  assert.deepEqual(sheet!.rows[1]!.cells.slice(0, 6), ['wanzhou', '2024', 'gdp_growth', 'target', '7', 'draft']);
  const missingOut = join(out, 'none');
  const missing = briefing('import', join(FIXTURES, 'no-such-report.docx'), '--district', 'wanzhou', '--doc', 'x', '-o', missingOut);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /no-such-report\.docx: error: cannot read file/);
  assert.equal(existsSync(missingOut), false);
  writeFileSync(join(out, 'broken.docx'), 'not a zip');
  const broken = briefing('import', join(out, 'broken.docx'), '--district', 'wanzhou', '--doc', 'x', '-o', missingOut);
  assert.match(broken.stderr, /not a readable DOCX file/);
});

test('--merge: draft rows in files of their own, conflicts reported beside the reviewed value, nothing reviewed changed, documents never see drafts', () => {
  const data = scratchData();
  const source = join(data, 'sources', '000_0798edd91b3d5539.txt');
  const reviewedBefore = readFileSync(join(data, 'observations', 'wanzhou-2024.csv'), 'utf8');
  const before = readDataset(data);
  const args = ['import', source, '--district', 'wanzhou', '--doc', 'wanzhou-plan-2024', '--year', '2024', '-o', join(data, '..', 'draft'), '--data', data, '--merge'];
  const r = briefing(...args);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /merged \d+ draft values \(\d+ already in the data/);
  assert.match(r.stdout, /conflict: wanzhou 2025 九龙园热电联产二期: draft planned_continue/);
  const merged = readFileSync(join(data, 'observations', 'wanzhou-plan-2024.draft.csv'), 'utf8').trim().split('\n');
  assert.equal(merged[0], 'district,year,indicator,kind,text,flags,doc,line,quote,note,locator,line_end');
  assert.ok(merged.slice(1).every((row) => row.includes(',draft,') || row.includes(',draft;')), 'every merged row is flagged draft');
  assert.equal(readFileSync(join(data, 'observations', 'wanzhou-2024.csv'), 'utf8'), reviewedBefore, 'reviewed files untouched');
  const after = readDataset(data);
  assert.equal(after.observations.length, before.observations.length, 'documents see only reviewed values');
  assert.equal(after.projects.length, before.projects.length);
  assert.equal(after.drafts.observations.length, merged.length - 1);
  assert.ok(after.drafts.projects.length > 0 && after.drafts.projects.every((p) => p.flags?.includes('draft') && p.name.en === ''));
  assert.equal(briefing('validate', '--data', data).code, 0);

  // A reviewer takes one row (removes its draft flag); merging again keeps it and does not draft it twice.
  const taken = merged[1]!.replace(',draft,', ',,');
  writeFileSync(join(data, 'observations', 'wanzhou-plan-2024.draft.csv'), [merged[0], taken, ...merged.slice(2)].join('\n') + '\n');
  assert.equal(briefing(...args).code, 0);
  const again = readFileSync(join(data, 'observations', 'wanzhou-plan-2024.draft.csv'), 'utf8').trim().split('\n');
  assert.equal(again[1], taken);
  assert.equal(again.length, merged.length, 'the taken row is not drafted again');
  assert.equal(readDataset(data).observations.length, before.observations.length + 1);
});

test('--merge plan: a value differing from a reviewed one is added beside it with a note; equal values and unfit rows are left out', () => {
  const data = loadDataset(DATA);
  const row = { district: 'wanzhou', year: 2024, indicator: 'gdp_growth', text: '6.8', flags: ['draft'], doc: 'wanzhou-plan-2024', line: 27, quote: '', note: '', table: '表1', name: '地区生产总值增速', unit: '%', nature: '', proposed: false };
  const draft: Draft = {
    observations: [
      { ...row, kind: 'target' }, // the reviewed target is 7
      { ...row, kind: 'result' }, // the reviewed result is 6.8
      { ...row, kind: 'result', year: 2023, line: 28 }, // not on line 28
      { ...row, kind: 'result', indicator: 'new_00000000', proposed: true },
    ],
    projects: [],
    proposed: [],
  };
  const plan = planMerge(draft, data, join(ROOT, 'no-such-data'));
  assert.deepEqual([plan.added, plan.known, plan.skipped.length], [1, 1, 2]);
  assert.deepEqual(plan.conflicts, ['wanzhou 2024 gdp_growth target: draft "6.8" (line 27) vs reviewed "7" (data/observations/wanzhou-2024.csv:4)']);
  assert.match(plan.files[0]!.data.toString('utf8'), /wanzhou,2024,gdp_growth,target,6\.8,draft,wanzhou-plan-2024,27,,"conflicts with reviewed ""7"" \(data\/observations\/wanzhou-2024.csv:4\)",表1/);
  assert.throws(() => planMerge({ ...draft, observations: [{ ...row, kind: 'target', doc: 'unknown-doc' }] }, data, DATA), /not in documents.yaml/);
});

test('--merge plan: a project name printed over lines that do not read as one (a PDF table\'s columns run together) is left out, with the reason', () => {
  const p = { district: 'wanzhou', year: 2025, sector: 'industry', status: 'planned_continue', doc: 'wanzhou-fyp14', table: '专栏4', period: '', investment: '' };
  const projects = [{ ...p, zh: '轨道贯通地线', line: 1438, lineEnd: 1442 }, { ...p, zh: '汽车挡风玻璃', line: 1468, lineEnd: 1470 }];
  const plan = planMerge({ observations: [], projects, proposed: [] }, loadDataset(DATA), join(ROOT, 'no-such-data'));
  assert.deepEqual(plan.projectsSkipped, ['line 1438: project "轨道贯通地线" is not on lines 1438-1442 of wanzhou-fyp14']);
  assert.equal(plan.projectsAdded, 1);
  assert.match(plan.files[0]!.data.toString('utf8'), /汽车挡风玻璃,,wanzhou-fyp14,1468,专栏4,1470,draft/);
});

test('a draft flag is validated: projects accept only draft, drafts need no translation yet', () => {
  const data = scratchData();
  const file = join(data, 'projects', 'x.draft.csv');
  writeFileSync(file, 'district,year,sector,status,zh,en,doc,line,flags\nwanzhou,2024,industry,started,九龙园热电联产二期,,wanzhou-plan-2024,741,draft\n');
  assert.equal(readDataset(data).drafts.projects.length, 1);
  writeFileSync(file, 'district,year,sector,status,zh,en,doc,line,flags\nwanzhou,2024,industry,started,九龙园热电联产二期,,wanzhou-plan-2024,741,preferred\n');
  assert.throws(() => readDataset(data), /unknown flag "preferred"/);
});

/** "year kind indicator text" of each value a few lines of prose give, in a report reviewing 2024. */
const prose = (...lines: string[]) =>
  draftOf(lines, 'fuling', 'fuling-gwr-2025', 2024).observations.map((o) => `${o.year} ${o.kind} ${o.indicator} ${o.text}`);

test('prose: a name qualified by the noun before it, or a part of the district, is not the district indicator', () => {
  assert.deepEqual(prose('其中税收完成57亿元，工业税收25.3亿元，制造业中长期贷款余额增长10.2%。'), ['2024 result tax_revenue 57亿元']);
  assert.deepEqual(prose('长江两岸森林覆盖率稳定在70%，全区森林覆盖率达到56.5%。'), ['2024 result forest_coverage_rate 56.5%']);
  assert.deepEqual(prose('11个重点镇乡地区生产总值达到213亿元。场镇常住人口达到1万人，地区生产总值达8亿元。'), []);
  assert.deepEqual(prose('一、2024年工作回顾', '龙驹镇', '场镇建成区面积达到2平方公里，地区生产总值达到20亿元。', '二、2025年主要任务', '地区生产总值增长6%以上。'), ['2025 target gdp_growth 6%以上']);
});

test('prose: lists — 分别 with a shared head or tail, 均 for every name, 城乡 as town and country', () => {
  assert.deepEqual(prose('城乡居民基本养老保险、基本医疗保险参保率分别保持在97%、95%以上。'),
    ['2024 result pension_insurance_coverage 97%', '2024 result medical_insurance_coverage 95%以上']);
  assert.deepEqual(prose('生产安全事故起数、死亡人数均下降11.8%。'), ['2024 result work_safety_accidents_decline 11.8%', '2024 result work_safety_deaths_decline 11.8%']);
  assert.deepEqual(prose('城乡居民人均可支配收入分别增长4.9%、5.2%。'), ['2024 result urban_income_growth 4.9%', '2024 result rural_income_growth 5.2%']);
  assert.deepEqual(prose('批发业销售额、零售业销售额分别增长13.3%、10.5%。'), [], 'a two-character head is part of a word, not shared');
});

test('prose: totals, named changes, planned values and five-year averages', () => {
  assert.deepEqual(prose('新增智能工厂、数字化车间14个，总量达94个。'), ['2024 result new_smart_factories 14个', '2024 result smart_factories_total 94个']);
  assert.deepEqual(prose('空气质量优良天数达321天、同比增加16天。'), ['2024 result air_quality_good_days 321天', '2024 result air_quality_good_days_change 16天']);
  assert.deepEqual(prose('2024年计划建设项目362个。'), ['2024 target construction_projects 362个']);
  assert.deepEqual(prose('二、2025年主要任务', '规划地区生产总值年均增长6%左右。'), ['2025 fyp_target gdp_growth_5y_avg 6%左右']);
});

test('prose: a paragraph broken over lines is one; each value keeps its own line, and a value running on gives the lines it runs over', () => {
  const draft = draftOf(['到2025年，全区铁路营业里程预计达到285公里，高速公路通车里程达', '', '258公里。'], 'wanzhou', 'wanzhou-fyp14', 2024);
  assert.deepEqual(draft.observations.map((o) => [o.indicator, o.text, o.line, o.note]), [
    ['railway_length', '285公里', 1, ''],
    ['expressway_length', '258公里', 3, ''],
  ]);
  const split = draftOf(['到2025年，全区铁路营业里程预计达到285公里，高速公路通车里程达到 258', '', '公里。'], 'wanzhou', 'wanzhou-fyp14', 2024).observations;
  assert.deepEqual(split.map((o) => [o.text, o.line, o.lineEnd, o.quote]), [['285公里', 1, undefined, '全区铁路营业里程预计达到285公里'], ['258公里', 1, 3, '高速公路通车里程达到258公里']]);
});

test('--merge: a value split across lines is written with its last line (line_end), and loads; without it, it is left out', () => {
  const data = scratchData();
  const file = join(data, 'observations', 'wanzhou-2022.csv');
  // The reviewed row of this value taken out, so that the draft is new.
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^wanzhou,2023,rd_intensity,target,.*\n/m, ''));
  const row = { district: 'wanzhou', year: 2023, indicator: 'rd_intensity', kind: 'target' as const, text: '较2022年提升0.2个百分点', flags: ['draft'], doc: 'wanzhou-plan-2022', line: 269, quote: '', note: '', table: '表2', name: 'R&D占GDP比重', unit: '%', nature: '预期性', proposed: false };
  const plan = planMerge({ observations: [{ ...row, lineEnd: 271 }], projects: [], proposed: [] }, loadDataset(data), data);
  assert.deepEqual([plan.added, plan.skipped], [1, []]);
  const csvText = plan.files[0]!.data.toString('utf8');
  assert.match(csvText, /^district,.*,locator,line_end\n.*,wanzhou-plan-2022,269,,,表2,271\n$/s);
  writeFileSync(plan.files[0]!.path, plan.files[0]!.data);
  const drafted = readDataset(data).drafts.observations;
  assert.deepEqual(drafted.map((o) => [o.source.line, o.source.lineEnd, o.text]), [[269, 271, '较2022年提升0.2个百分点']]);
  const alone = planMerge({ observations: [row], projects: [], proposed: [] }, loadDataset(data), data);
  assert.deepEqual(alone.skipped, ['line 269: "较2022年提升0.2个百分点" is not on line 269 of wanzhou-plan-2022']);
  // The table reader gives the range itself.
  const read = importReport({ district: 'wanzhou', doc: 'wanzhou-plan-2022', year: 2022, lines: readReport(join(data, 'sources', '003_43c635b58841399f.txt')), catalogue });
  assert.deepEqual(read.observations.filter((o) => o.line === 269).map((o) => [o.indicator, o.lineEnd, o.text]), [['rd_intensity', 271, '较2022年提升0.2个百分点']]);
});

test('tables: the printed unit chooses between indicators of one name; a five-year plan means the cumulative one; wrapped cells', () => {
  const table = (caption: string, rows: string[][]) => [caption, ...rows.flatMap((r) => [...r.map((c) => `\t${c}`), ''])];
  const jobs = draftOf(table('表1  2022年主要指标', [['序号', '指标名称', '2022年目标', '完成情况'], ['1', '城镇新增就业人数（万人）', '2.5以上', '3']]), 'wanzhou', 'wanzhou-plan-2022', 2022);
  assert.deepEqual(jobs.observations.map((o) => o.indicator), ['new_urban_jobs', 'new_urban_jobs']);
  const fdi = draftOf(table('表2  “十四五”主要指标', [['序号', '指标名称', '2020年', '2025年'], ['1', '实际利用外资（亿美元）', '4.37', '5']]), 'wanzhou', 'wanzhou-fyp14', 2020);
  assert.deepEqual(fdi.observations.map((o) => `${o.indicator} ${o.kind}`), ['fdi_actual_5y_total base', 'fdi_actual_5y_total fyp_target']);
  // "较2022年提升" then, after a row break, "0.2个百分点" on a line of its own: the row goes on to its attribute.
  const wrapped = ['表2  2023年计划', '\t序号', '\t指标名称', '\t2023年目标', '\t指标属性', '', '\t11', '\tR&D占GDP比重（%）', '\t较2022年提升', '', '0.2个百分点', '\t预期性', '', '\t12', '\t万人发明专利拥有量（件）', '\t3.8', '\t预期性', ''];
  const read = draftOf(wrapped, 'wanzhou', 'wanzhou-plan-2022', 2022).observations;
  assert.deepEqual(read.map((o) => [o.indicator, o.text, o.nature]), [['rd_intensity', '较2022年提升0.2个百分点', '预期性'], ['invention_patents_per_10k', '3.8', '预期性']]);
  // A PDF table whose name wraps inside its parentheses.
  const pdf = ['专栏1  “十三五”主要指标完成情况', '序号', '指标名称', '属性', '2020年目标', '2020年完成', '1', '城区空气质量优良天数(按', '2015 年标准)', '约束性', '350 天左右', '346', '(新标准)'];
  const air = draftOf(pdf, 'wanzhou', 'wanzhou-fyp14', 2020).observations;
  assert.deepEqual(air.map((o) => [o.indicator, o.kind, o.text]), [['air_quality_good_days', 'target', '350天左右'], ['air_quality_good_days', 'result', '346']]);
});

test('prose: a list without 分别 is read only when every name is known', () => {
  assert.deepEqual(prose('确保粮食播种面积和产量稳定在139万亩、45万吨以上。'), ['2024 result grain_sown_area 139万亩', '2024 result grain_output 45万吨以上']);
  assert.deepEqual(prose('低空经济和粮食播种面积稳定在3个、139万亩。'), []);
});

test('prose: statements are values — 动态清零, 稳定为Ⅱ类, 正增长, 完成市上下达任务 — after their names and the words that report them', () => {
  assert.deepEqual(prose('农村黑臭水体动态清零，国控断面水质连续4年稳定为Ⅱ类。'),
    ['2024 result black_odorous_water_bodies 动态清零', '2024 result national_section_water_quality 稳定为Ⅱ类']);
  assert.deepEqual(prose('二、2025年主要任务', '节能减排降碳等约束性指标完成市上下达任务，力争进出口总额实现正增长。'),
    ['2025 target energy_emission_reduction 完成市上下达任务', '2025 target trade_growth 正增长']);
  assert.deepEqual(prose('工作稳定为优。'), [], 'a statement with no name before it is not read');
});

test('prose: a name printed in the report\'s own words — shortened after the sentence names it, or after its value in other order', () => {
  assert.deepEqual(prose('粮食喜获丰收、产量超45万吨。'), ['2024 result grain_output 超45万吨']);
  assert.deepEqual(prose('89个区级重点项目完成投资275亿元、完成率达125%。'),
    ['2024 result key_projects 89个', '2024 result key_projects_investment 275亿元', '2024 result key_projects_completion_rate 125%']);
  // 其中: the part of what the sentence counted — signed projects (新签约[招商]项目, 招商 said before) here, the district's key projects there.
  assert.deepEqual(prose('大力开展精准招商，新签约项目138个，其中百亿级项目1个、50亿级项目6个。'),
    ['2024 result signed_investment_projects 138个', '2024 result signed_projects_10bn 1个', '2024 result signed_projects_5bn 6个']);
  assert.deepEqual(prose('实施区级重点项目100个以上，完成投资230亿元，其中百亿级项目2个。'),
    ['2024 result key_projects 100个以上', '2024 result key_projects_investment 230亿元', '2024 result key_projects_10bn 2个']);
  assert.deepEqual(prose('龙头港货运量再翻一番、突破1000万吨。'), ['2024 result longtou_port_freight 突破1000万吨']);
  assert.deepEqual(prose('7项工作获市政府督查激励。'), ['2024 result supervision_incentives 7项']);
  assert.deepEqual(prose('巴兴巷、皮家街等6个老旧小区改造完成。'), ['2024 result old_residential_renovation 6个']);
  // Not read: words left out inside the name that the sentence never says (新[改]建), a number the name holds but the report
  // does not print (50亿级 is not 100亿元以上), a bare name after a value (its count), the names of a list of values.
  assert.deepEqual(prose('产业发展良好，新建小微停车场13个。'), []);
  assert.deepEqual(prose('全年新签约100亿元以上项目1个，50亿元以上项目2个。'), []);
  assert.deepEqual(prose('年度66项重点改革项目、10项国家级改革试点有序推进。'), ['2024 result key_reform_projects 66项']);
  assert.deepEqual(prose('批发业销售额、住宿业营业额、餐饮业营业额分别同比增长13.3%、6.5%、12.9%。'), []);
});

test('prose: a qualified name yields to a longer one; quoted names listed side by side; numbers inside names; the rate of a level', () => {
  assert.deepEqual(prose('制造业规上企业亩均税收增长11.5%。'), ['2024 result tax_per_mu_growth 11.5%']);
  assert.deepEqual(prose('政务服务“一窗综办”“一件事一次办”事项分别增至450项、71项。'),
    ['2024 result one_window_service_items 450项', '2024 result one_thing_once_service_items 71项']);
  assert.deepEqual(prose('集体经济经营性收入10万元以上的村占比达100%，核心KPI660个。'),
    ['2024 result villages_collective_income_100k_share 100%', '2024 result core_kpis 660个']);
  assert.deepEqual(prose('全区接待旅客量4318万人次，增长10.9%。'), ['2024 result tourist_visits 4318万人次', '2024 result tourist_visits_growth 10.9%']);
});
