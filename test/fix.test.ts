// `briefing validate --fix`: repairs what the sources prove, says what it changed, leaves the rest.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { halfWidthDigits } from '../src/data/fix-data.js';
import { ROOT, scratchData } from './helpers.js';

const briefing = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'briefing.js'), ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });

test('full-width digits become ASCII; a full-width comma is left alone', () => {
  assert.equal(halfWidthDigits('增长６．５％左右，１'), '增长6.5%左右，1');
});

test('--fix: spaces, full-width digits and a quote on another line are repaired to exactly the good file', () => {
  const data = scratchData();
  const csv = join(data, 'observations', 'wanzhou-2022.csv');
  const good = readFileSync(csv, 'utf8');
  const broken = good
    .replace('wanzhou,2022,gdp_growth,target,6左右,', 'wanzhou,２０２２,gdp_growth,target,６左右,')
    .replace('wanzhou,2022,gdp_growth,result,3.5,', 'wanzhou,2022,gdp_growth,result,3.5  ,')
    .replace(',wanzhou-plan-2022,13,全年地区生产总值达到1118.4亿元、同比增长3.5%,', ',wanzhou-plan-2022,14,全年地区生产总值达到1118.4亿元、同比增长3.5%,');
  assert.notEqual(broken, good);
  writeFileSync(csv, broken);
  assert.notEqual(briefing('validate', '--data', data).status, 0);
  const r = briefing('validate', '--fix', '--data', data);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /data\/observations\/wanzhou-2022\.csv:2: year: "２０２２" -> "2022" \(full-width digits\)/);
  assert.match(r.stdout, /wanzhou-2022\.csv:2: text: "６左右" -> "6左右" \(full-width digits\)/);
  assert.match(r.stdout, /wanzhou-2022\.csv:3: text: "3\.5  " -> "3\.5" \(spaces\)/);
  assert.match(r.stdout, /wanzhou-2022\.csv:51: line: "14" -> "13" \(quote on another line\)/);
  assert.match(r.stdout, /fixed 4 value\(s\)\ndata OK/);
  assert.equal(readFileSync(csv, 'utf8'), good);
  const again = briefing('validate', '--fix', '--data', data);
  assert.match(again.stdout, /^nothing to fix\n/);
});

test('--fix leaves what it cannot prove: a quote found on no line, or on several', () => {
  const data = scratchData();
  const csv = join(data, 'observations', 'wanzhou-2022.csv');
  const broken = readFileSync(csv, 'utf8').replace(',wanzhou-plan-2022,13,全年地区生产总值达到1118.4亿元、同比增长3.5%,', ',wanzhou-plan-2022,13,全年地区生产总值达到1118.5亿元、同比增长3.5%,');
  writeFileSync(csv, broken);
  const r = briefing('validate', '--fix', '--data', data);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /nothing to fix/);
  assert.match(r.stderr, /wanzhou-2022\.csv:51: quote: error/);
  assert.equal(readFileSync(csv, 'utf8'), broken);
});
