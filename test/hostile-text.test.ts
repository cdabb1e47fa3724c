// Text that a document cannot show is a validate diagnostic at its file, line and field, never a render failure.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { validateDataset } from '../src/cli/validate.js';
import { loadDataset } from '../src/data/load.js';
import { DiagnosticError, formatDiagnostic, type Diagnostic } from '../src/diagnostics.js';
import { loadFonts } from '../src/fonts/fonts.js';
import { FONTS, scratchData, TEMPLATES } from './helpers.js';

function loadErrors(dataDir: string): Diagnostic[] {
  try {
    loadDataset(dataDir);
  } catch (e) {
    assert.ok(e instanceof DiagnosticError, String(e));
    return e.diagnostics;
  }
  return [];
}

/** Replaces the first `from` in `file`; returns the 1-based line it stands on. */
function edit(dataDir: string, file: string, from: string, to: string): number {
  const path = join(dataDir, file);
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf(from);
  assert.ok(at >= 0, `${from} in ${file}`);
  writeFileSync(path, text.slice(0, at) + to + text.slice(at + from.length));
  return text.slice(0, at).split('\n').length;
}

for (const [name, ch] of [['NUL', '\\0'], ['CR', '\\r'], ['line feed', '\\n'], ['right-to-left override', '\\u202e'], ['lone surrogate', '\\ud800']] as const) {
  test(`a ${name} inside a YAML name is a diagnostic at file:line:field`, () => {
    const data = scratchData();
    const line = edit(data, 'districts.yaml', 'en: Wanzhou District', `en: "Wanzhou${ch}District"`);
    const d = loadErrors(data).find((x) => x.code === 'forbiddenCharacter');
    assert.ok(d);
    assert.deepEqual(d.place, { file: 'data/districts.yaml', line, field: 'en' });
  });
}

test('a CR or NUL inside a CSV value (observation note, project name) is a diagnostic, not a broken table later', () => {
  const data = scratchData();
  const csv = 'projects/wanzhou-2024.csv';
  const line = edit(data, csv, 'Alumina intelligent upgrading and capacity replacement (Phase I)', '"Alumina\rintelligent\0upgrading"');
  const d = loadErrors(data).find((x) => x.code === 'forbiddenCharacter');
  assert.ok(d);
  assert.deepEqual(d.place, { file: `data/${csv}`, line, field: 'en' });
  assert.match(d.message, /U\+000D, U\+0000/);
});

test('a district name with a character no bundled font has fails validate, naming file, line and field', () => {
  const data = scratchData();
  const line = edit(data, 'districts.yaml', 'zh: 万州区', 'zh: 万州区𓀀');
  const ws = { data: loadDataset(data), fonts: loadFonts(FONTS), templatesDir: TEMPLATES };
  const d = validateDataset(ws).find((x) => x.code === 'missingGlyph');
  assert.ok(d);
  assert.deepEqual(d.place, { file: 'data/districts.yaml', line, field: 'zh' });
  assert.match(d.message, /U\+13000/);
});

test('nested names (short, publisher) are checked against the font too', () => {
  const data = scratchData();
  const line = edit(data, 'districts.yaml', 'short: { zh: 万州, en: Wanzhou }', 'short: { zh: 万州, en: Wanzhou☃︎ }');
  const ws = { data: loadDataset(data), fonts: loadFonts(FONTS), templatesDir: TEMPLATES };
  const d = validateDataset(ws).find((x) => x.code === 'missingGlyph');
  assert.ok(d, 'a snowman is not in Noto Sans SC');
  assert.deepEqual(d.place, { file: 'data/districts.yaml', line, field: 'short.en' });
});

test('a YAML syntax error names file, line and column and shows the line', () => {
  const data = scratchData();
  const line = edit(data, 'districts.yaml', '- id: fuling', '- id: [fuling');
  const d = loadErrors(data).find((x) => x.code === 'yamlSyntax');
  assert.ok(d);
  assert.equal(d.place?.file, 'data/districts.yaml');
  assert.ok(d.place!.line! >= line && d.place?.column, JSON.stringify(d));
  const shown = formatDiagnostic(d);
  assert.match(shown, /^data\/districts\.yaml:\d+:\d+: error: YAML syntax error: .* \[yamlSyntax\]\n {4}.*\n {4} *\^$/);
});

test('a CSV syntax error names file and line and shows the line', () => {
  const data = scratchData();
  const csv = 'projects/wanzhou-2024.csv';
  const line = edit(data, csv, ',Alumina intelligent', ',"Alumina" intelligent');
  const d = loadErrors(data).find((x) => x.code === 'csvSyntax');
  assert.ok(d);
  assert.equal(d.place?.line, line);
  assert.ok(d.excerpt?.includes('"Alumina" intelligent'));
});
