// Hostile ids and file names: nothing is read or written outside the folders it belongs to, and nothing hangs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { outputPath } from '../src/contained-path.js';
import { loadDataset } from '../src/data/load.js';
import { DiagnosticError, type Diagnostic } from '../src/diagnostics.js';
import { ROOT, scratchData } from './helpers.js';

function diagnosticsOf(dataDir: string): Diagnostic[] {
  try {
    loadDataset(dataDir);
  } catch (e) {
    assert.ok(e instanceof DiagnosticError, String(e));
    return e.diagnostics;
  }
  return assert.fail('expected diagnostics');
}

function edit(dataDir: string, file: string, from: string | RegExp, to: string): number {
  const path = join(dataDir, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, () => to);
  assert.notEqual(after, before, `the edit must change ${file}`);
  writeFileSync(path, after);
  return after.split('\n').findIndex((l) => l.includes(to.split('\n')[0]!)) + 1;
}

function expectAt(ds: Diagnostic[], code: string, file: string, line: number, field: string): void {
  const d = ds.find((x) => x.code === code && x.place?.file === file);
  assert.ok(d, `expected ${code} in ${file}, got: ${ds.map((x) => `${x.code}@${x.place?.file}`).join(', ')}`);
  assert.equal(d.place?.line, line);
  assert.equal(d.place?.field, field);
}

function briefing(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'briefing.js'), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

for (const [file, from, field] of [
  ['districts.yaml', '- id: wanzhou', 'id'],
  ['documents.yaml', '- id: wanzhou-plan-2024', 'id'],
  ['indicators.yaml', /- id: gdp_growth$/m, 'id'],
] as const) {
  test(`an id with path characters in ${file} is a diagnostic at its line`, () => {
    const data = scratchData();
    const line = edit(data, file, from, '- id: ../../escaped');
    expectAt(diagnosticsOf(data), 'badId', `data/${file}`, line, field);
  });
}

test('a district id with ../ writes nothing outside the output folder: validate and district refuse it', () => {
  const data = scratchData();
  const line = edit(data, 'districts.yaml', '- id: wanzhou', '- id: ../wanzhou');
  const base = mkdtempSync(join(tmpdir(), 'briefing-escape-'));
  const out = join(base, 'out');
  mkdirSync(out);
  const v = briefing('validate', '--data', data);
  assert.equal(v.code, 1);
  assert.ok(v.stderr.includes(`data/districts.yaml:${line}: id: error: id "../wanzhou"`), v.stderr);
  const r = briefing('district', '../wanzhou', '--year', '2024', '--data', data, '--out', out);
  assert.equal(r.code, 1);
  assert.deepEqual(readdirSync(base), ['out']);
  assert.deepEqual(readdirSync(out), []);
});

test('output paths are resolved and must stay inside the output folder', () => {
  const out = join(tmpdir(), 'out');
  assert.equal(outputPath(out, 'wanzhou-2024-briefing.zh.pdf'), join(out, 'wanzhou-2024-briefing.zh.pdf'));
  assert.equal(outputPath(out, 'archive/a.r1.pdf'), join(out, 'archive', 'a.r1.pdf'));
  for (const name of ['../x.pdf', 'archive/../../x.pdf', '/etc/x.pdf', '', '.']) {
    assert.throws(() => outputPath(out, name), (e: unknown) => e instanceof DiagnosticError && e.diagnostics[0]!.code === 'outputOutsideFolder', name);
  }
});

test('a manifest naming a district with ../ is refused before anything is built', () => {
  const base = mkdtempSync(join(tmpdir(), 'briefing-escape-'));
  writeFileSync(join(base, 'manifest.yaml'), 'languages: [zh]\nformats: [pdf]\ndocuments:\n  - { district: ../../evil, year: 2024 }\n');
  const r = briefing('build', '--manifest', join(base, 'manifest.yaml'), '--state', join(base, 'state.json'), '--out', join(base, 'out'));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /manifest\.yaml:4: district: error: .*"\.\.\/\.\.\/evil"/);
  assert.deepEqual(readdirSync(base), ['manifest.yaml']);
});

test('a source file that is a device, a FIFO or a folder is refused at once, naming documents.yaml and its line', { timeout: 30_000 }, () => {
  const data = scratchData();
  const fifo = join(data, 'sources', 'pipe.txt');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
  mkdirSync(join(data, 'sources', 'folder.txt'));
  const docs = readFileSync(join(data, 'documents.yaml'), 'utf8');
  const targets = ['/dev/zero', 'pipe.txt', 'folder.txt'];
  let text = docs;
  const names = [...docs.matchAll(/^  file: (.*)$/gm)].map((m) => m[1]!);
  targets.forEach((t, i) => (text = text.replace(`  file: ${names[i]}`, `  file: ${t}`)));
  writeFileSync(join(data, 'documents.yaml'), text);
  const lines = text.split('\n');
  const ds = diagnosticsOf(data);
  for (const t of targets) {
    const line = lines.indexOf(`  file: ${t}`) + 1;
    const d = ds.find((x) => x.place?.line === line && x.place.file === 'data/documents.yaml');
    assert.ok(d, `${t}: ${ds.map((x) => x.message).join('\n')}`);
    assert.equal(d.place?.field, 'file');
    assert.equal(d.code, t === '/dev/zero' ? 'fileOutsideFolder' : 'notRegularFile', t);
  }
});

test('a source file outside data/sources (../, absolute, or a link out) is refused', () => {
  const data = scratchData();
  symlinkSync('/etc/hostname', join(data, 'sources', 'link.txt'));
  const names = [...readFileSync(join(data, 'documents.yaml'), 'utf8').matchAll(/^  file: (.*)$/gm)].map((m) => m[1]!);
  const targets = ['../districts.yaml', '/etc/hostname', 'link.txt'];
  targets.forEach((t, i) => edit(data, 'documents.yaml', `  file: ${names[i]}`, `  file: ${t}`));
  const ds = diagnosticsOf(data);
  assert.equal(ds.filter((d) => d.code === 'fileOutsideFolder' && d.place?.field === 'file').length, 3, ds.map((d) => d.message).join('\n'));
});

test('a source file larger than the limit is refused without reading it', () => {
  const data = scratchData();
  const name = readFileSync(join(data, 'documents.yaml'), 'utf8').match(/^  file: (.*)$/m)![1]!;
  truncateSync(join(data, 'sources', name), 64 * 1024 * 1024);
  const ds = diagnosticsOf(data);
  assert.ok(ds.some((d) => d.code === 'fileTooLarge' && d.place?.file === 'data/documents.yaml'), ds.map((d) => d.code).join());
});

test('a data file that is a FIFO is refused, not waited on', { timeout: 30_000 }, () => {
  const data = scratchData();
  const csv = join(data, 'observations', 'zz.csv');
  assert.equal(spawnSync('mkfifo', [csv]).status, 0);
  const ds = diagnosticsOf(data);
  assert.ok(ds.some((d) => d.code === 'notRegularFile' && d.place?.file === 'data/observations/zz.csv'));
  assert.ok(existsSync(csv));
});
