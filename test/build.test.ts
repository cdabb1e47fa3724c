// The scenario end to end in a new project: build, correct one value, build again; one writer for build and district; a killed build.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { sha256 } from '../src/publish/dependencies.js';
import { ROOT } from './helpers.js';

let dir: string;
const out = (...p: string[]) => join(dir, 'output', ...p);
const statePath = () => join(dir, 'build-state.json');
const env = { ...process.env, SOURCE_DATE_EPOCH: '1740787200', LANG: 'C' };
const BIN = join(ROOT, 'bin', 'briefing.js');

function briefing(...args: string[]) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}
const hashes = () => Object.fromEntries(readdirSync(out()).filter((f) => f.endsWith('.pdf')).map((f) => [f, sha256(readFileSync(out(f)))]));
const pdfText = (file: string) => spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
const edit = (file: string, from: string, to: string) => {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  assert.ok(text.includes(from), `${file} holds ${from}`);
  writeFileSync(path, text.replace(from, to));
};
const ADDED = 'dadukou,2024,high_tech_industry_output_share,result,42.5%,,dadukou-plan-2024,10,规上战略性新兴制造业、高技术产业产值占规上工业总产值比重分别达到57.6%、42.5%,,\n';
const PENDING = 'wanzhou,2024,digital_core_growth,result,市级暂未反馈,,wanzhou-plan-2024,52,,,';
const CORRECTED = 'wanzhou,2024,digital_core_growth,result,16.2,revised,wanzhou-plan-2024,52,,万州区统计局2025年3月反馈的年度数据,"annual figure reported by the Wanzhou statistics bureau, March 2025"';

let fullMs = 0;

before(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'briefing-editions-')), 'project');
  const init = spawnSync(process.execPath, [BIN, 'init', dir], { encoding: 'utf8', env });
  assert.equal(init.status, 0, init.stderr);
  // Every document of the bundled project, in one language and format, to keep the test short.
  edit('briefing.yaml', 'languages: [zh, en, zh-en]\nformats: [pdf, docx]', 'languages: [zh]\nformats: [pdf]');
  // A value taken out now and added back later: an update.
  edit('data/observations/dadukou-2024.csv', ADDED, '');
});

test('first build: every document, edition 1; a second build leaves all of them alone', () => {
  const first = briefing('build');
  assert.equal(first.code, 0, first.stderr);
  fullMs = first.ms;
  assert.match(first.stdout, /5 documents: 5 to build/);
  const before = hashes();
  assert.equal(Object.keys(before).length, 5);
  const second = briefing('build');
  assert.match(second.stdout, /built 0, skipped 5 unchanged/);
  assert.deepEqual(hashes(), before);
});

test('a build with no file read or written changed says so from their sizes and times; a touched input makes it compare contents', () => {
  const json = JSON.parse(briefing('build', '--json').stdout) as { built: number; documents: { key: string; files: string[] }[] };
  assert.equal(json.built, 0);
  assert.ok(json.documents.find((d) => d.key === 'wanzhou-2024')!.files.some((f) => f.endsWith('wanzhou-2024-briefing.zh.pdf')), 'the files of each document');
  assert.match(briefing('build').stdout, /no file read or written by the last build has changed/);
  const later = new Date(Date.now() + 5000);
  utimesSync(join(dir, 'data', 'observations', 'wanzhou-2024.csv'), later, later);
  const touched = briefing('build');
  assert.match(touched.stdout, /5 documents: 0 to build, 5 unchanged/, 'the same bytes: contents decide, nothing is rebuilt');
  assert.match(briefing('build').stdout, /no file read or written by the last build has changed/);
});

test("the issue's correction reissues only the Wanzhou 2024 briefing and the memo, with a notice; the previous edition is kept", () => {
  const before = hashes();
  const stateBefore = readFileSync(statePath(), 'utf8');
  edit('data/observations/wanzhou-2024.csv', PENDING, CORRECTED);
  const r = briefing('build');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /5 documents: 2 to build, 3 unchanged/);
  assert.match(r.stdout, /wanzhou-2024 edition 2: correction, 1 figure\(s\) corrected/);
  assert.match(r.stdout, /compare-dadukou-fuling-wanzhou-2024 edition 2: correction/);
  assert.match(r.stdout, /previous editions kept in output\/archive \(2 files\)/);
  const after = hashes();
  for (const f of ['wanzhou-2022-briefing.zh.pdf', 'dadukou-2024-briefing.zh.pdf', 'fuling-2024-briefing.zh.pdf']) assert.equal(after[f], before[f], `${f} is byte-identical`);
  for (const f of ['wanzhou-2024-briefing.zh.pdf', 'compare-dadukou-fuling-wanzhou-2024.zh.pdf']) {
    assert.notEqual(after[f], before[f]);
    assert.equal(sha256(readFileSync(out('archive', f.replace('.pdf', '.e1.pdf')))), before[f], `edition 1 of ${f} is kept`);
  }
  const text = pdfText(out('wanzhou-2024-briefing.zh.pdf'));
  assert.ok(text.includes('第2版（更正版）·首次发布：2025年3月1日·本版：2025年3月1日'), 'the title block names both editions');
  assert.ok(text.includes('更正说明'));
  assert.ok(text.includes('数字经济核心产业增加值增速（完成情况）：市级暂未反馈→16.2%。说明：万州区统计局2025年3月反馈的年度数据。'));
  assert.ok(!/statisticsbureau|archive|output/.test(text), 'Chinese reader words only');
  assert.ok(pdfText(out('compare-dadukou-fuling-wanzhou-2024.zh.pdf')).includes('由此，万州目标“完成”项数：21→22。'));
  const state = readFileSync(statePath(), 'utf8');
  assert.notEqual(state, stateBefore);
  assert.ok(state.length < 200_000);
  console.log(`full build ${Math.round(fullMs)} ms; rebuild after one correction ${Math.round(r.ms)} ms; state ${state.length} bytes`);
  // Times vary with the machine's load; what the rebuild saves is the three documents it does not render (asserted above).
});

test('a single-document command on unchanged input leaves the corrected edition alone; --preview renders elsewhere', () => {
  const before = hashes();
  const state = readFileSync(statePath(), 'utf8');
  const r = briefing('district', 'wanzhou', '--year', '2024', '--lang', 'zh', '--format', 'pdf');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /wanzhou-2024: edition 2 is current/);
  assert.deepEqual(hashes(), before);
  assert.equal(readFileSync(statePath(), 'utf8'), state);
  const p = briefing('district', 'wanzhou', '--year', '2024', '--lang', 'en', '--format', 'pdf', '--preview');
  assert.equal(p.code, 0, p.stderr);
  assert.match(p.stdout, /preview of edition 2/);
  assert.ok(existsSync(out('preview', 'wanzhou-2024-briefing.en.pdf')));
  assert.ok(pdfText(out('preview', 'wanzhou-2024-briefing.en.pdf')).includes('Correctionnotice'));
  assert.deepEqual(hashes(), before);
  assert.equal(readFileSync(statePath(), 'utf8'), state);
  const h = briefing('history', 'wanzhou-2024');
  assert.match(h.stdout, /edition 2 {2}2025-03-01 {2}correction\n.*digital_core_growth \(result\): 市级暂未反馈 -> 16\.2/);
});

test('a build killed midway leaves the previous outputs and state; the next build completes', async () => {
  edit('data/observations/dadukou-2024.csv', 'dadukou,2024,rd_intensity,result', `${ADDED}dadukou,2024,rd_intensity,result`);
  const before = hashes();
  const state = readFileSync(statePath(), 'utf8');
  const child = spawn(process.execPath, [BIN, 'build'], { cwd: dir, env });
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (/to build/.test(chunk.toString())) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve());
  });
  assert.equal(child.signalCode, 'SIGKILL');
  assert.deepEqual(hashes(), before);
  assert.equal(readFileSync(statePath(), 'utf8'), state);
  const r = briefing('build');
  assert.equal(r.code, 0, r.stderr);
  // A value added is an update: a new edition without a notice.
  assert.match(r.stdout, /dadukou-2024 edition 2: update/);
  const text = pdfText(out('dadukou-2024-briefing.zh.pdf'));
  assert.ok(text.includes('第2版·首次发布'));
  assert.ok(!text.includes('更正说明'));
  assert.equal(readdirSync(dir).filter((f) => f.endsWith('.tmp')).length, 0);
});

test('a template change is an update of the documents that use it', () => {
  assert.equal(briefing('eject', 'templates').code, 0);
  const before = hashes();
  edit('templates/comparison-memo.md.hbs', '## {{t "memo.summary.heading"}}', '## {{t "memo.summary.heading"}}\n\n{{t "memo.title"}}');
  const r = briefing('build');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /1 to build, 4 unchanged/);
  assert.match(r.stdout, /compare-dadukou-fuling-wanzhou-2024 edition \d: update/);
  const after = hashes();
  for (const f of Object.keys(before).filter((f) => !f.startsWith('compare'))) assert.equal(after[f], before[f]);
});

test('an update that changes no file (a template comment) keeps every edition, and records the new template', () => {
  const before = hashes();
  const editions = () => Object.fromEntries(Object.entries((JSON.parse(readFileSync(statePath(), 'utf8')) as { documents: Record<string, { edition: number }> }).documents).map(([k, d]) => [k, d.edition]));
  const was = editions();
  const template = join(dir, 'templates', 'district-briefing.md.hbs');
  writeFileSync(template, `{{!-- the analyst's note: nothing a reader sees --}}\n${readFileSync(template, 'utf8')}`);
  const r = briefing('build');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /wanzhou-2024: an update, rendered as edition \d to compare/);
  assert.match(r.stdout, /skipped wanzhou-2024 edition \d: unchanged \(template district-briefing\.md\.hbs: the same files\)/);
  assert.match(r.stdout, /built 0, skipped 5 unchanged/);
  assert.deepEqual(editions(), was);
  assert.deepEqual(hashes(), before);
  assert.ok(!readdirSync(out('archive')).some((f) => f.startsWith('wanzhou-2022')), 'nothing archived');
  // The new template is recorded: the next build compares nothing.
  assert.doesNotMatch(briefing('build').stdout, /to compare/);
});

test('a single-document command on changed input issues the next edition as build would; build then reissues the others that show the value', () => {
  edit('data/observations/dadukou-2024.csv', 'dadukou,2024,gdp_growth,result,5.8%,,dadukou-plan-2024,10,同比（下同）增长5.8%,,',
    'dadukou,2024,gdp_growth,result,5.9%,revised,dadukou-plan-2024,10,同比（下同）增长5.8%,大渡口区统计局更正,corrected by the Dadukou statistics bureau');
  const r = briefing('district', 'dadukou', '--year', '2024', '--lang', 'zh', '--format', 'pdf');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /dadukou-2024: edition 3 \(correction\)/);
  assert.match(r.stdout, /previous edition kept in .*archive/);
  assert.ok(existsSync(out('archive', 'dadukou-2024-briefing.zh.e2.pdf')));
  assert.ok(pdfText(out('dadukou-2024-briefing.zh.pdf')).includes('大渡口2024年地区生产总值增速（完成情况）：5.8%→5.9%。说明：大渡口区统计局更正。'));
  const b = briefing('build');
  assert.equal(b.code, 0, b.stderr);
  // Dadukou's growth is in the peer tables of the other 2024 briefings, and in the memo; not in Wanzhou 2022.
  assert.match(b.stdout, /skipped dadukou-2024 edition 3: unchanged/);
  assert.match(b.stdout, /skipped wanzhou-2022 edition 1: unchanged/);
  for (const key of ['wanzhou-2024', 'fuling-2024', 'compare-dadukou-fuling-wanzhou-2024']) assert.match(b.stdout, new RegExp(`${key} edition \\d: correction`));
});
