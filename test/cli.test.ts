// The command line as a user runs it: options, errors, and outputs left untouched when data is broken.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, scratchData } from './helpers.js';

function briefing(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'briefing.js'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('--help explains every command and option', () => {
  const top = briefing('--help');
  assert.equal(top.code, 0);
  for (const s of ['district <id>', 'validate']) assert.ok(top.stdout.includes(s), s);
  const district = briefing('district', '--help');
  for (const s of ['--year', '--lang', '--format', '--out', '--date', 'wanzhou-2024-briefing.zh-en.pdf']) assert.ok(district.stdout.includes(s), s);
});

test('in a Chinese locale, data diagnostics are in Chinese, still naming file, line and field', () => {
  const data = scratchData();
  const csv = join(data, 'observations', 'wanzhou-2024.csv');
  writeFileSync(csv, readFileSync(csv, 'utf8').replace(/^wanzhou,2024,gdp_growth,target,7,,/m, 'wanzhou,2024,gdp_growth,target,7x,,'));
  const env = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' };
  const zh = spawnSync(process.execPath, [join(ROOT, 'bin', 'briefing.js'), 'validate', '--data', data], { encoding: 'utf8', env });
  assert.equal(zh.status, 1);
  assert.match(zh.stderr, /observations\/wanzhou-2024\.csv:\d+: text: 错误: 无法从“7x”读出数值 \[badNumber\]/);
  const en = spawnSync(process.execPath, [join(ROOT, 'bin', 'briefing.js'), 'validate', '--data', data], { encoding: 'utf8', env: { ...env, LANG: 'C' } });
  assert.match(en.stderr, /text: error: cannot read a value from "7x" \[badNumber\]/);
});

test('validate passes on the bundled data', () => {
  const r = briefing('validate');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /data OK/);
});

test('a corrupted data file: diagnostic with file and line, non-zero exit, outputs untouched', () => {
  const data = scratchData();
  const csv = join(data, 'observations', 'wanzhou-2024.csv');
  writeFileSync(csv, readFileSync(csv, 'utf8').replace(',gdp_growth,target,7,', ',gdp_growth,target,7.x,'));
  const out = mkdtempSync(join(tmpdir(), 'briefing-out-'));
  const good = join(out, 'wanzhou-2024-briefing.zh-en.pdf');
  writeFileSync(good, 'previous good document');
  const r = briefing('district', 'wanzhou', '--year', '2024', '--data', data, '--out', out);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /data\/observations\/wanzhou-2024\.csv:\d+: text: error: cannot read a value from "7.x"/);
  assert.equal(readFileSync(good, 'utf8'), 'previous good document');
  assert.deepEqual(readdirSync(out), ['wanzhou-2024-briefing.zh-en.pdf']);
  const v = briefing('validate', '--data', data);
  assert.notEqual(v.code, 0);
  assert.match(v.stderr, /wanzhou-2024\.csv:\d+: text/);
});

test('unknown district, year without data, bad option: clear message, non-zero exit, nothing written', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'briefing-out-')), 'out');
  const unknown = briefing('district', 'atlantis', '--year', '2024', '--out', out);
  assert.notEqual(unknown.code, 0);
  assert.match(unknown.stderr, /unknown district "atlantis"; known districts: .*wanzhou/);
  const year = briefing('district', 'wanzhou', '--year', '1999', '--out', out);
  assert.notEqual(year.code, 0);
  assert.match(year.stderr, /no results for wanzhou in 1999 to brief on; years its sources report on: .*2024/);
  const lang = briefing('district', 'wanzhou', '--year', '2024', '--lang', 'fr', '--out', out);
  assert.notEqual(lang.code, 0);
  assert.match(lang.stderr, /--lang "fr" is not one of: zh, en, zh-en/);
  assert.equal(existsSync(out), false);
});

test('--lang and --format choose the files; --out the folder', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'briefing-out-')), 'nested');
  mkdirSync(out, { recursive: true });
  const r = briefing('district', 'wanzhou', '--year', '2024', '--lang', 'en', '--lang', 'zh', '--format', 'pdf', '--out', out);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(out).sort(), ['wanzhou-2024-briefing.en.pdf', 'wanzhou-2024-briefing.zh.pdf']);
});
