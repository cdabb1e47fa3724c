// The library as a program uses it: `import { loadProject, renderBriefing, renderComparison, build } from 'briefing'`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from './helpers.js';

const pdfText = (data: Buffer) => spawnSync('pdftotext', ['-', '-'], { input: data }).stdout.toString().replace(/\s+/g, '');

test('the package imports by name with its four functions, and typings beside them', async () => {
  const lib = await import('briefing');
  for (const f of ['loadProject', 'renderBriefing', 'renderComparison', 'build'] as const) assert.equal(typeof lib[f], 'function', f);
  assert.ok(existsSync(join(ROOT, 'dist', 'src', 'index.d.ts')));
});

test('loadProject finds the project; renderBriefing and renderComparison default the year and districts, in memory', async () => {
  const { loadProject, renderBriefing, renderComparison } = await import('briefing');
  const project = loadProject(join(ROOT, 'data', 'sources'));
  assert.equal(project.root, ROOT);
  assert.deepEqual(project.districts, ['wanzhou', 'dadukou', 'fuling']);
  const [briefing] = await renderBriefing(project, { district: 'dadukou', langs: ['en'], formats: ['pdf'], date: '2025-03-01' });
  assert.equal(briefing!.path, join(ROOT, 'output', 'dadukou-2024-briefing.en.pdf'));
  assert.ok(pdfText(briefing!.data).includes('Dadukou'));
  const memo = await renderComparison(project, { langs: ['zh'], formats: ['docx'], outDir: '/elsewhere' });
  assert.deepEqual(memo.map((f) => f.path), ['/elsewhere/compare-dadukou-fuling-wanzhou-2024.zh.docx']);
  await assert.rejects(renderBriefing(project, { district: 'atlantis' }), /unknown district "atlantis"/);
});

test('build writes a project\'s documents and says what it did', async () => {
  const { build, loadProject } = await import('briefing');
  const dir = mkdtempSync(join(tmpdir(), 'briefing-lib-'));
  writeFileSync(join(dir, 'manifest.yaml'), 'languages: [en]\nformats: [pdf]\ndocuments:\n  - { district: fuling, year: 2024 }\n');
  const lines: string[] = [];
  const result = await build(loadProject(ROOT), { manifest: join(dir, 'manifest.yaml'), state: join(dir, 'state.json'), outDir: join(dir, 'out'), log: (l) => lines.push(l) });
  assert.deepEqual(result.planned.map((p) => [p.entry.key, p.reason]), [['fuling-2024', 'first edition']]);
  assert.deepEqual(readdirSync(join(dir, 'out')).filter((f) => !f.startsWith('.')), ['fuling-2024-briefing.en.pdf'], 'the document; beside it only the hidden stamp of the build');
  assert.ok(lines.some((l) => l.includes('fuling-2024 edition 1: first edition')));
});
