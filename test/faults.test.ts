// Faults while writing: a killed process, an unwritable output folder, a document that runs too long.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DiagnosticError } from '../src/diagnostics.js';
import { writeFilesAtomically } from '../src/write-atomic.js';
import { ROOT, scratchData } from './helpers.js';

const WRITER = `
import { writeFilesAtomically } from ${JSON.stringify(join(ROOT, 'dist', 'src', 'write-atomic.js'))};
const [dir, n] = process.argv.slice(2);
for (let round = 1; ; round++) {
  const files = ['a.pdf', 'b.docx', 'state.json'].map((f) => ({ path: dir + '/' + f, data: Buffer.alloc(4 * 1024 * 1024, round % 250 + 1) }));
  writeFilesAtomically(files);
  if (round === 1) process.stdout.write('ready\\n');
}
`;

/** True when every byte of the file is the same value (one complete round), with the expected length. */
const whole = (path: string) => {
  const data = readFileSync(path);
  return data.length === 4 * 1024 * 1024 && data.every((b) => b === data[0]);
};

test('a writer killed (SIGKILL) at any moment leaves every file either as it was or complete', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-kill-'));
  const script = join(dir, 'writer.mjs');
  writeFileSync(script, WRITER);
  const out = join(dir, 'out');
  mkdirSync(out);
  for (let kill = 0; kill < 8; kill++) {
    const child = spawn(process.execPath, [script, out], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((r) => setTimeout(r, 20 + kill * 37));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    for (const f of ['a.pdf', 'b.docx', 'state.json']) assert.ok(whole(join(out, f)), `${f} after kill ${kill}`);
  }
});

test('an output folder that cannot be written gives one clear error, no partial or temporary file, old files untouched', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-unwritable-'));
  writeFileSync(join(dir, 'good.pdf'), 'previous good document');
  // A file where the archive folder should be: mkdir fails as it would on a read-only folder
  // (the tests run as root, for whom chmod does not make a folder read-only).
  writeFileSync(join(dir, 'archive'), 'not a folder');
  let error: unknown;
  try {
    writeFilesAtomically([
      { path: join(dir, 'good.pdf'), data: Buffer.from('new document') },
      { path: join(dir, 'archive', 'good.r1.pdf'), data: Buffer.from('old') },
    ]);
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof DiagnosticError, String(error));
  assert.equal(error.diagnostics.length, 1);
  assert.equal(error.diagnostics[0]!.code, 'outputUnwritable');
  assert.match(error.message, /archive\/good\.r1\.pdf: error: cannot write this output file: .*(ENOTDIR|EEXIST)/);
  assert.equal(readFileSync(join(dir, 'good.pdf'), 'utf8'), 'previous good document');
  assert.deepEqual(readdirSync(dir).sort(), ['archive', 'good.pdf']);
});

test('a document that renders longer than the limit stops the build with an error naming it; nothing is written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-timeout-'));
  writeFileSync(join(dir, 'manifest.yaml'), 'languages: [zh]\nformats: [pdf]\ndocuments:\n  - { district: dadukou, year: 2024 }\n');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'briefing.js'), 'build', '--data', scratchData(), '--manifest', join(dir, 'manifest.yaml'), '--state', join(dir, 'state.json'), '--out', join(dir, 'out')], {
    encoding: 'utf8', env: { ...process.env, BRIEFING_DOCUMENT_TIMEOUT_S: '0.001' },
  });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /dadukou-2024: rendering took longer than 0\.001 s and was stopped; nothing was written \[documentTimeout\]/);
  assert.equal(existsSync(join(dir, 'state.json')), false);
  assert.deepEqual(readdirSync(join(dir, 'out')).filter((f) => !f.startsWith('.build')), []);
});
