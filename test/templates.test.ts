// Templates are strict: a variable the view lacks is an error naming the template and its line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, TEMPLATES } from './helpers.js';

test('an unknown variable in a template: exit 1, template file and line named, nothing written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-strict-'));
  const templates = join(dir, 'templates');
  cpSync(TEMPLATES, templates, { recursive: true });
  const file = join(templates, 'district-briefing.md.hbs');
  const lines = readFileSync(file, 'utf8').split('\n');
  // Just after the template's opening comment, so that the line is rendered.
  const at = lines.findIndex((l) => l.includes('--}}')) + 1;
  lines.splice(at, 0, 'Note: {{districtNmae}}');
  writeFileSync(file, lines.join('\n'));
  const out = join(dir, 'out');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'briefing.js'), 'district', 'wanzhou', '--year', '2024', '--lang', 'en', '--format', 'pdf', '--templates', templates, '--out', out], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`templates/district-briefing\\.md\\.hbs:${at + 1}: error: template error: "districtNmae" not defined`));
  assert.equal(spawnSync('ls', [out]).status, 2, 'no output folder');
});
