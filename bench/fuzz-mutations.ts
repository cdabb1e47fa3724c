// The fuzzer's mutations: seeded, reproducible edits of one data file's text (numbers, units, flags, encodings, truncations, …).

/** A small seeded generator (mulberry32): the same seed gives the same case. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);

const NUMBERS = ['0', '-0', '-1', '1e308', '1e-320', '99999999999999999999999', 'NaN', 'Infinity', '0x1F', '1,234.5', '１２３', '٣٤', '12.', '.5', '6%', '+7', '1/3', '2.5-3', '9.8:38.5:51.7', '突破2700', '6%左右', '＜5', '近900', '约1.2'];
const WORDS = [
  '', ' ', '"', '""', "'", ',', ';', ':', '- ', '#', '&a', '*a', '!!js/function', '{{x}}', '{{#each}}', "$' $& $1", '<w:t>', '</text>', '|', '\\', ':::table',
  'revised', 'estimate', 'preferred', 'pending', 'draft', 'unknown_flag', 'result', 'target', 'base', 'next', '亿元', '%', '万人', '个百分点', 'km',
  'wanzhou', 'dadukou', 'fuling', '../../etc/passwd', '/dev/zero', 'gdp', 'gdp_growth', 'no_such_indicator', '2024', '2024.0', '1900', '99999',
  '\u0000', '\r', '\u0007', '\u001b[31m', '\u202e', '\ufeff', '\u200b', '\t', '\ud800', '😀', '𠀀', '\u{10FFFF}', 'ｗａｎｚｈｏｕ', 'Ⅻ',
];

export interface Mutation {
  name: string;
  apply: (text: string, rng: Rng) => string | Buffer;
}

const lines = (t: string) => t.split('\n');
const somewhere = (t: string, rng: Rng) => int(rng, t.length + 1);
/** A field-ish token: a run between separators, to be replaced as a whole. */
function replaceToken(text: string, rng: Rng, by: string): string {
  const tokens = [...text.matchAll(/[^,\n:{}[\]]+/g)];
  if (tokens.length === 0) return text + by;
  const m = pick(rng, tokens);
  return text.slice(0, m.index) + by + text.slice(m.index! + m[0].length);
}

export const MUTATIONS: readonly Mutation[] = [
  { name: 'number', apply: (t, rng) => {
    const ms = [...t.matchAll(/\d+(?:\.\d+)?/g)];
    if (ms.length === 0) return t;
    const m = pick(rng, ms);
    return t.slice(0, m.index) + pick(rng, NUMBERS) + t.slice(m.index! + m[0].length);
  } },
  { name: 'token', apply: (t, rng) => replaceToken(t, rng, pick(rng, WORDS)) },
  { name: 'insert', apply: (t, rng) => { const at = somewhere(t, rng); return t.slice(0, at) + pick(rng, WORDS) + t.slice(at); } },
  { name: 'huge value', apply: (t, rng) => replaceToken(t, rng, pick(rng, ['长', 'x', '1', 'Ww ']).repeat(1 + int(rng, 4000))) },
  { name: 'truncate', apply: (t, rng) => t.slice(0, somewhere(t, rng)) },
  { name: 'duplicate line', apply: (t, rng) => { const l = lines(t); const i = int(rng, l.length); l.splice(i, 0, l[i]!); return l.join('\n'); } },
  { name: 'delete line', apply: (t, rng) => { const l = lines(t); l.splice(int(rng, l.length), 1); return l.join('\n'); } },
  { name: 'swap lines', apply: (t, rng) => { const l = lines(t); const i = int(rng, l.length); const j = int(rng, l.length); [l[i], l[j]] = [l[j]!, l[i]!]; return l.join('\n'); } },
  { name: 'many lines', apply: (t, rng) => { const l = lines(t); const i = 1 + int(rng, Math.max(1, l.length - 1)); l.splice(i, 0, ...Array<string>(200 + int(rng, 2000)).fill(l[i] ?? '')); return l.join('\n'); } },
  { name: 'delete span', apply: (t, rng) => { const a = somewhere(t, rng); return t.slice(0, a) + t.slice(a + 1 + int(rng, 40)); } },
  { name: 'line endings', apply: (t, rng) => t.replace(/\n/g, pick(rng, ['\r\n', '\r', '\n\n', '\u2028'])) },
  { name: 'encoding', apply: (t, rng) => pick(rng, [
    () => Buffer.from(t, 'utf16le'),
    () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
    () => Buffer.from(t, 'latin1'),
    () => { const b = Buffer.from(t); b[int(rng, b.length)] = 0xff; return b; },
    () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]),
  ])() },
  { name: 'empty', apply: () => '' },
  { name: 'binary', apply: (_t, rng) => Buffer.from(Array.from({ length: 1 + int(rng, 512) }, () => int(rng, 256))) },
];

/** One to three mutations of one file's text; names them for the report. */
export function mutate(text: string, rng: Rng): { data: string | Buffer; names: string[] } {
  let data: string | Buffer = text;
  const names: string[] = [];
  const count = 1 + int(rng, 3);
  for (let i = 0; i < count && typeof data === 'string'; i++) {
    const m = pick(rng, MUTATIONS);
    names.push(m.name);
    data = m.apply(data, rng);
  }
  return { data, names };
}

export { pick, int };
