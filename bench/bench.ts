// Benchmark (`npm run bench`): wall time, CPU time, peak memory and output size of the commands a user runs.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { cpuShares, sharesLine, type Share } from './profile.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin', 'briefing.js');
const MEASURE = join(ROOT, 'dist', 'bench', 'measure.js');
/** `--profile`: each command also runs under V8's profiler, and each row says where its CPU time went. */
const PROFILE = process.argv.includes('--profile');

interface Row {
  work: string;
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  /** Bytes of the files the row is about, where it makes files. */
  bytes?: number;
  /** With --profile: CPU time by library or stage, every thread summed. */
  profile?: Share[];
  target: string;
  note?: string;
}

/** A scratch copy of the bundled project, so that the benchmark never touches the real one. */
function scratchProject(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `briefing-bench-${name}-`));
  cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
  for (const f of ['briefing.yaml', 'manifest.yaml', 'styles.yaml']) if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(dir, f));
  return dir;
}

/** Runs one command in `cwd` and measures it from outside (wall) and inside (CPU, peak RSS, via bench/measure). */
function measure(args: string[], cwd: string): { wallMs: number; cpuMs: number; maxRssMb: number; profile?: Share[] } {
  const usageFile = join(cwd, '.bench-usage.json');
  const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'briefing-profile-')) : undefined;
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', MEASURE, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), ...args], {
    cwd, env: { ...process.env, BENCH_USAGE_FILE: usageFile, SOURCE_DATE_EPOCH: '1736726400' }, encoding: 'utf8',
  });
  const wallMs = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpuMs: number; maxRssMb: number };
  rmSync(usageFile);
  if (!profileDir) return { wallMs, ...usage };
  const profile = cpuShares(profileDir);
  rmSync(profileDir, { recursive: true, force: true });
  return { wallMs, ...usage, profile };
}

const briefing = (...args: string[]) => [BIN, ...args];
const filesIn = (dir: string, ext: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => join(dir, f)) : []);
const size = (files: string[]) => files.reduce((sum, f) => sum + statSync(f).size, 0);

/** Appends `count` projects to Wanzhou 2024, each quoted on a line of its own added to the end of the source text. */
function addProjects(project: string, count: number): void {
  const source = join(project, 'data', 'sources', '000_0798edd91b3d5539.txt');
  const first = readFileSync(source, 'utf8').split('\n').length + (readFileSync(source, 'utf8').endsWith('\n') ? 0 : 1);
  const lines: string[] = [];
  const rows: string[] = ['district,year,sector,status,zh,en,doc,line'];
  const sectors = ['industry', 'transport', 'water', 'urban', 'energy', 'social'];
  const statuses = ['completed', 'started', 'in_progress'];
  for (let i = 0; i < count; i++) {
    const zh = `测试项目${i + 1}号厂房建设`;
    lines.push(zh);
    rows.push(`wanzhou,2024,${sectors[i % sectors.length]},${statuses[i % statuses.length]},${zh},Test project ${i + 1} plant construction,wanzhou-plan-2024,${first + i}`);
  }
  appendFileSync(source, `${readFileSync(source, 'utf8').endsWith('\n') ? '' : '\n'}${lines.join('\n')}\n`);
  writeFileSync(join(project, 'data', 'projects', 'zz-bench-extra.csv'), `${rows.join('\n')}\n`);
}

/** The correction of issue 12: Wanzhou 2024's pending digital-economy growth reported later as 16.2. */
function correctOneValue(project: string): void {
  const csv = join(project, 'data', 'observations', 'wanzhou-2024.csv');
  const text = readFileSync(csv, 'utf8');
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith('wanzhou,2024,') && l.includes(',result,') && l.includes('市级暂未反馈'));
  if (i < 0) throw new Error('no pending Wanzhou 2024 result to correct');
  const cells = lines[i]!.split(',');
  const header = lines[0]!.replace(/^\ufeff/, '').split(',');
  cells[4] = '16.2';
  cells[5] = [cells[5], 'revised'].filter(Boolean).join(';');
  cells[header.indexOf('note')] = '区统计局2025年3月反馈';
  // A corrected value's note is shown to readers in both languages (a tool with the note_en column).
  if (header.includes('note_en')) cells[header.indexOf('note_en')] = 'reported by the district statistics bureau in March 2025';
  lines[i] = cells.join(',');
  writeFileSync(csv, lines.join('\n'));
}

/** build's flags for a scratch project, whichever way this version of the tool finds its project. */
function buildArgs(project: string): string[] {
  if (existsSync(join(project, 'briefing.yaml'))) return ['build'];
  return ['build', '--data', join(project, 'data'), '--manifest', join(project, 'manifest.yaml'), '--state', join(project, 'build-state.json'), '--out', join(project, 'output')];
}
const dataArgs = (project: string) => (existsSync(join(project, 'briefing.yaml')) ? [] : ['--data', join(project, 'data')]);

const rows: Row[] = [];
const record = (work: string, target: string, m: { wallMs: number; cpuMs: number; maxRssMb: number; profile?: Share[] }, extra: Partial<Row> = {}) => {
  const row = { work, ...m, target, ...extra };
  rows.push(row);
  const mb = (b?: number) => (b === undefined ? '' : `${(b / 1024).toFixed(0)} KB`);
  console.log(`${work.padEnd(46)}${(m.wallMs / 1000).toFixed(2).padStart(7)} s${(m.cpuMs / 1000).toFixed(2).padStart(8)} s CPU${m.maxRssMb.toFixed(0).padStart(6)} MB${mb(extra.bytes).padStart(10)}   target ${target}${extra.note ? `  (${extra.note})` : ''}`);
  if (m.profile) console.log(`${''.padEnd(6)}CPU: ${sharesLine(m.profile)}`);
};

console.log(`briefing benchmark: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
console.log(`${'work'.padEnd(46)}${'wall'.padStart(9)}${'CPU'.padStart(12)}${'peak RSS'.padStart(10)}${'size'.padStart(10)}`);

{
  const dir = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  const start = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  rows.push({ work: 'node -e 0 (yardstick)', wallMs: performance.now() - start, cpuMs: 0, maxRssMb: 0, target: '' });
  console.log(`${'node -e 0 (yardstick)'.padEnd(46)}${((performance.now() - start) / 1000).toFixed(2).padStart(7)} s`);
  record('briefing --help (startup)', '≤ 0.3 s', measure(briefing('--help'), dir));
  rmSync(dir, { recursive: true, force: true });
}

{
  const project = scratchProject('single');
  const out = join(project, 'single');
  record('briefing validate', '', measure(briefing('validate', ...dataArgs(project)), project));
  record('one zh PDF briefing, cold command', '≤ 1.0 s', measure(briefing('district', 'wanzhou', '--year', '2024', '--lang', 'zh', '--format', 'pdf', '--out', out, ...previewArg(), ...dataArgs(project)), project), { bytes: size(filesIn(out, '.zh.pdf')) });
  rmSync(out, { recursive: true, force: true });
  const m = measure(briefing('district', 'wanzhou', '--year', '2024', '--lang', 'zh-en', '--format', 'pdf,docx', '--out', out, ...previewArg(), ...dataArgs(project)), project);
  record('one zh-en briefing, PDF + DOCX', '≤ 1.5 s', m, { bytes: size(filesIn(out, '.zh-en.docx')), note: `zh-en DOCX ${(size(filesIn(out, '.docx')) / 1024).toFixed(0)} KB (target ≤ 300 KB), PDF ${(size(filesIn(out, '.pdf')) / 1024).toFixed(0)} KB` });
  rmSync(project, { recursive: true, force: true });
}

{
  const project = scratchProject('build');
  const outDir = join(project, 'output');
  const full = measure(briefing(...buildArgs(project)), project);
  const pdfs = filesIn(outDir, '.pdf');
  const largestPdf = Math.max(...pdfs.map((f) => statSync(f).size));
  record(`briefing build, all ${pdfs.length + filesIn(outDir, '.docx').length} files`, '≤ 6 s, ≤ 600 MB', full, {
    bytes: size([...pdfs, ...filesIn(outDir, '.docx')]),
    note: `${filesIn(outDir, '.docx').length} DOCX ${(size(filesIn(outDir, '.docx')) / 2 ** 20).toFixed(1)} MB; largest PDF ${(largestPdf / 1024).toFixed(0)} KB (target ≤ 250 KB)`,
  });
  record('briefing build, nothing changed', '≤ 0.3 s', measure(briefing(...buildArgs(project)), project));
  correctOneValue(project);
  record('rebuild after one corrected value', '≤ 1.5 s', measure(briefing(...buildArgs(project)), project));
  rmSync(project, { recursive: true, force: true });
}

// What the rebuild renders, built alone from nothing: the two documents that show the corrected value.
if (existsSync(join(ROOT, 'briefing.yaml'))) {
  const project = scratchProject('reissued');
  const settings = readFileSync(join(project, 'briefing.yaml'), 'utf8');
  const documents = '  - district: wanzhou\n    year: 2024\n  - compare: [wanzhou, dadukou, fuling]\n    year: 2024\n';
  writeFileSync(join(project, 'briefing.yaml'), settings.replace(/^documents:\n(?:[ #].*\n?)*/m, `documents:\n${documents}`));
  record('the two reissued documents, built alone', '', measure(briefing('build'), project));
  rmSync(project, { recursive: true, force: true });
}

for (const count of [1000, 10000]) {
  const project = scratchProject(`projects-${count}`);
  addProjects(project, count);
  const out = join(project, 'single');
  record(`+${count.toLocaleString('en-US')} projects, one zh PDF briefing`, count === 1000 ? '≤ 1.5 s' : '≤ 10 s, linear', measure(briefing('district', 'wanzhou', '--year', '2024', '--lang', 'zh', '--format', 'pdf', '--out', out, ...previewArg(), ...dataArgs(project)), project), { bytes: size(filesIn(out, '.pdf')) });
  rmSync(project, { recursive: true, force: true });
}

function hasPreview(): boolean {
  return spawnSync(process.execPath, [BIN, 'district', '--help'], { encoding: 'utf8' }).stdout.includes('--preview');
}
function previewArg(): string[] {
  return hasPreview() ? ['--preview'] : [];
}

const jsonFile = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(ROOT, 'output', 'bench.json');
mkdirSync(dirname(jsonFile), { recursive: true });
writeFileSync(jsonFile, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, rows }, null, 1)}\n`);
console.log(`\nfigures written to ${jsonFile}`);
