// Projects: init, finding briefing.yaml from any folder inside, --project, template precedence, eject, schemas.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BUNDLED } from '../src/project/bundled.js';
import { findProjectRoot } from '../src/project/discover.js';
import { readProject } from '../src/project/project.js';
import { SCHEMAS, schemaText } from '../src/project/schemas.js';
import { ROOT } from './helpers.js';

function briefing(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'briefing.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under dir with its size and modification time, to prove nothing was written. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().map((f) => {
    const s = statSync(join(dir, f));
    return [f, `${s.size}:${s.mtimeMs}`];
  }));
}

test('init writes a working project with the example data; commands find it from any folder inside it', () => {
  const parent = mkdtempSync(join(tmpdir(), 'briefing-init-'));
  const r = briefing(parent, 'init', 'my-briefings');
  assert.equal(r.code, 0, r.stderr);
  const dir = join(parent, 'my-briefings');
  for (const f of ['briefing.yaml', 'README.md', '.gitignore', 'schemas/briefing.schema.json', 'data/districts.yaml', 'data/observations/wanzhou-2024.csv', 'data/sources/000_0798edd91b3d5539.txt']) {
    assert.ok(existsSync(join(dir, f)), f);
  }
  assert.match(readFileSync(join(dir, 'briefing.yaml'), 'utf8'), /^# yaml-language-server: \$schema=\.\/schemas\/briefing\.schema\.json/);
  assert.match(readFileSync(join(dir, 'data', 'indicators', 'common.yaml'), 'utf8'), /^# yaml-language-server: \$schema=\.\.\/\.\.\/schemas\/indicators\.schema\.json/);
  const inside = briefing(join(dir, 'data', 'observations'), 'validate');
  assert.equal(inside.code, 0, inside.stderr);
  assert.match(inside.stdout, /data OK: \d+ observations/);
  const elsewhere = briefing(parent, 'validate', '--project', dir);
  assert.equal(elsewhere.code, 0, elsewhere.stderr);
  // A second init into the same folder refuses and writes nothing.
  const before = snapshot(dir);
  const again = briefing(parent, 'init', 'my-briefings');
  assert.equal(again.code, 1);
  assert.match(again.stderr, /briefing\.yaml already exists/);
  assert.deepEqual(snapshot(dir), before);
});

test('init --empty: the catalogue and empty tables; valid data with nothing in it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-empty-'));
  const r = briefing(dir, 'init', '--empty');
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(join(dir, 'data', 'indicators.yaml')));
  assert.ok(!existsSync(join(dir, 'data', 'observations', 'wanzhou-2024.csv')));
  const v = briefing(dir, 'validate');
  assert.equal(v.code, 0, v.stderr);
  assert.match(v.stdout, /data OK: 0 observations, 0 projects, \d+ indicators, 0 source documents/);
});

test('outside any project: a message naming the way out, exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-none-'));
  assert.equal(findProjectRoot(dir), undefined);
  const r = briefing(dir, 'validate');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no briefing\.yaml in .* or any folder above it\. Start a project with "briefing init"/);
  const zh = spawnSync(process.execPath, [join(ROOT, 'bin', 'briefing.js'), 'validate'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LANG: 'zh_CN.UTF-8' } });
  assert.match(zh.stderr, /找不到 briefing\.yaml/);
});

test('templates: --templates over the project\'s own templates/ over the bundled ones; eject copies them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-templates-'));
  writeFileSync(join(dir, 'briefing.yaml'), 'documents: []\n');
  assert.equal(readProject(dir).templatesDir, BUNDLED.templates);
  const r = briefing(dir, 'eject', 'templates');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readProject(dir).templatesDir, join(dir, 'templates'));
  assert.equal(readFileSync(join(dir, 'templates', 'i18n', 'zh.yaml'), 'utf8'), readFileSync(join(BUNDLED.templates, 'i18n', 'zh.yaml'), 'utf8'));
  assert.equal(readProject(dir, { templates: '/elsewhere' }).templatesDir, '/elsewhere');
  const again = briefing(dir, 'eject', 'templates');
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already exists/);
});

test('briefing.yaml: an unknown setting is named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-settings-'));
  writeFileSync(join(dir, 'briefing.yaml'), 'documents: []\noutput_dir: out\n');
  const r = briefing(dir, 'validate');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /briefing\.yaml: output_dir: error: unknown setting "output_dir"/);
});

test('unknown option or command: exit 2, a suggestion, nothing written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-usage-'));
  mkdirSync(join(dir, 'p'));
  writeFileSync(join(dir, 'p', 'briefing.yaml'), 'documents: []\n');
  const before = snapshot(dir);
  const option = briefing(join(dir, 'p'), 'build', '--jsno');
  assert.equal(option.code, 2);
  assert.match(option.stderr, /Unknown argument: jsno\nDid you mean --json\?/);
  const command = briefing(join(dir, 'p'), 'biuld');
  assert.equal(command.code, 2);
  assert.match(command.stderr, /Did you mean build\?/);
  assert.deepEqual(snapshot(dir), before);
});

test('the committed JSON Schemas are the ones the code describes', () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) assert.equal(readFileSync(join(ROOT, 'schemas', name), 'utf8'), schemaText(schema), name);
});
