// `briefing build`: only what changed is rebuilt, corrections make revisions with notices, failures write nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { sha256 } from '../src/publish/dependencies.js';
import { ROOT, scratchData } from './helpers.js';

let dir: string;
let data: string;
const out = () => join(dir, 'out');
const state = () => join(dir, 'state.json');

function briefing(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'briefing.js'), ...args, '--data', data, '--manifest', join(dir, 'manifest.yaml'), '--state', state(), '--out', out()], {
    encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1740787200' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const hashes = () => Object.fromEntries(readdirSync(out()).filter((f) => f.endsWith('.pdf')).map((f) => [f, sha256(readFileSync(join(out(), f)))]));
const pdfText = (file: string) => spawnSync('pdftotext', ['-raw', join(out(), file), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefing-build-'));
  data = scratchData();
  writeFileSync(join(dir, 'manifest.yaml'), [
    'languages: [zh]', 'formats: [pdf]', 'documents:',
    '  - { district: wanzhou, year: 2022 }', '  - { district: dadukou, year: 2024 }', '  - { district: fuling, year: 2024 }',
    '  - { compare: [dadukou, fuling], year: 2024 }', '',
  ].join('\n'));
});

test('first build makes every document, r1; a second build skips them all, byte for byte', () => {
  const first = briefing('build');
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /4 documents: 4 to build/);
  const before = hashes();
  assert.equal(Object.keys(before).length, 4);
  const second = briefing('build');
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /built 0, skipped 4 unchanged/);
  assert.deepEqual(hashes(), before);
  const saved = JSON.parse(readFileSync(state(), 'utf8'));
  assert.equal(saved.documents['dadukou-2024'].revision, 1);
});

test('a corrected value rebuilds exactly the documents that use it, as r2 with a correction notice; r1 is archived', () => {
  const before = hashes();
  const csv = join(data, 'observations', 'dadukou-2024.csv');
  const text = readFileSync(csv, 'utf8');
  const edited = text.replace(/^(dadukou,2024,gdp_growth,result,)5\.8%,,(.*),$/m, '$15.9%,revised,$2,"Dadukou statistics bureau, 2025-03-01"');
  assert.notEqual(edited, text);
  writeFileSync(csv, edited);
  const diff = briefing('diff');
  assert.match(diff.stdout, /dadukou-2024: 1 change\(s\)\n\s+dadukou 2024 gdp_growth result: 5\.8% -> 5\.9%/);
  assert.match(diff.stdout, /wanzhou-2022: no data changes/);
  const r = briefing('build');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /dadukou-2024 r2: data changed, 1 value\(s\) corrected/);
  assert.match(r.stdout, /fuling-2024 r2: data changed/); // Fuling's briefing ranks Dadukou among its peers
  assert.match(r.stdout, /compare-dadukou-fuling-2024 r2: data changed/);
  assert.match(r.stdout, /skipped wanzhou-2022 r1: unchanged/);
  const after = hashes();
  assert.equal(after['wanzhou-2022-briefing.zh.pdf'], before['wanzhou-2022-briefing.zh.pdf']);
  assert.notEqual(after['dadukou-2024-briefing.zh.pdf'], before['dadukou-2024-briefing.zh.pdf']);
  assert.equal(sha256(readFileSync(join(out(), 'archive', 'dadukou-2024-briefing.zh.r1.pdf'))), before['dadukou-2024-briefing.zh.pdf']);
  const notice = pdfText('dadukou-2024-briefing.zh.pdf');
  assert.ok(notice.includes('更正说明'));
  assert.ok(notice.includes('第2版'));
  assert.ok(notice.includes('5.8%5.9%Dadukoustatisticsbureau,2025-03-01'), 'old → new and the source of the new value');
});

test('a template change alone re-renders without a new revision or notice', () => {
  const templates = join(dir, 'templates');
  spawnSync('cp', ['-r', join(ROOT, 'templates'), templates]);
  const file = join(templates, 'i18n', 'zh.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('kind: "区县年度简报"', 'kind: "区县年度简报（内部）"'));
  const r = briefing('build', '--templates', templates);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /wanzhou-2022 r1: templates, fonts, catalogue, tool or settings changed/);
  assert.ok(pdfText('wanzhou-2022-briefing.zh.pdf').includes('区县年度简报（内部）'));
  assert.ok(!pdfText('wanzhou-2022-briefing.zh.pdf').includes('更正说明'));
  assert.equal(existsSync(join(out(), 'archive', 'wanzhou-2022-briefing.zh.r1.pdf')), false);
});

test('a data error stops the build before anything is written', () => {
  const before = hashes();
  const stateBefore = readFileSync(state(), 'utf8');
  const csv = join(data, 'observations', 'fuling-2024.csv');
  const good = readFileSync(csv, 'utf8');
  writeFileSync(csv, good.replace(/^(fuling,2024,\w+,result,)([\d.]+)/m, '$1x$2'));
  const r = briefing('build');
  writeFileSync(csv, good);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /data\/observations\/fuling-2024\.csv:\d+: text: error/);
  assert.deepEqual(hashes(), before);
  assert.equal(readFileSync(state(), 'utf8'), stateBefore);
});

test('a second build into the same folder fails clearly while one holds the lock', () => {
  writeFileSync(join(out(), '.build.lock'), String(process.pid));
  try {
    const r = briefing('diff');
    assert.equal(r.code, 0); // diff writes nothing and takes no lock
    const b = briefing('build');
    assert.notEqual(b.code, 0);
    assert.match(b.stderr, /another build \(process \d+\) is writing to this output folder/);
  } finally {
    writeFileSync(join(out(), '.build.lock'), '999999999');
  }
  // A lock left by a process that is gone is taken over.
  const r = briefing('build');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(existsSync(join(out(), '.build.lock')), false);
});
