// `briefing validate --fix`: repairs in CSV tables what the sources prove: spaces around values, full-width digits, a quote's line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { DiagnosticError } from '../diagnostics.js';
import { readFileInside, readYamlList } from './read-files.js';
import { squash, standsOn } from './source-lines.js';
import { TABLES } from './tables.js';

export interface Fix {
  file: string;
  line: number;
  field: string;
  old: string;
  new: string;
  why: 'spaces' | 'full-width digits' | 'quote on another line';
}

const SPACES = /^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g;

/** Full-width digits, percent sign and a full-width point between digits, as ASCII. */
export function halfWidthDigits(s: string): string {
  return s
    .replace(/(?<=[0-9０-９])．(?=[0-9０-９])/g, '.')
    .replace(/[０-９％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The source texts by document id, as far as documents.yaml can be read. */
function sourceLines(dataDir: string): Map<string, string[]> {
  const docs = new Map<string, string[]>();
  try {
    for (const rec of readYamlList(join(dataDir, 'documents.yaml'), 'data/documents.yaml')) {
      const id = rec.get('id');
      const file = rec.get('file');
      if (!id || !file) continue;
      try {
        docs.set(id, readFileInside(join(dataDir, 'sources'), file, `data/sources/${file}`, { file: 'data/documents.yaml' }).split('\n'));
      } catch (e) {
        if (!(e instanceof DiagnosticError)) throw e;
      }
    }
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
  }
  return docs;
}

/** The fixes for every CSV table under data/, and the files as they are once fixed. Nothing is written here. */
export function planFixes(dataDir: string): { fixes: Fix[]; files: { path: string; data: Buffer }[] } {
  const docs = sourceLines(dataDir);
  const fixes: Fix[] = [];
  const files: { path: string; data: Buffer }[] = [];
  for (const table of TABLES) {
    const dir = join(dataDir, table);
    for (const name of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.csv')).sort() : []) {
      const path = join(dir, name);
      const file = `data/${table}/${name}`;
      const text = readFileSync(path, 'utf8');
      let rows: { record: string[]; info: { lines: number } }[];
      try {
        rows = parseCsv(text, { info: true, bom: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof rows;
      } catch {
        continue; // validate reports the syntax error
      }
      const lines = text.split('\n');
      const [header, ...body] = rows;
      if (!header) continue;
      const columns = header.record.map((c) => c.trim());
      let changed = false;
      for (const { record, info } of body) {
        // Only a record on a line of its own is rewritten in place.
        if (record.some((c) => /[\r\n]/.test(c))) continue;
        const cells = [...record];
        const at = (field: string) => columns.indexOf(field);
        const set = (field: string, value: string, why: Fix['why']) => {
          const i = at(field);
          if (i < 0 || cells[i] === value) return;
          fixes.push({ file, line: info.lines, field, old: cells[i]!, new: value, why });
          cells[i] = value;
        };
        columns.forEach((field, i) => set(field, cells[i]!.replace(SPACES, ''), 'spaces'));
        for (const field of ['year', 'line', 'line_end']) if (at(field) >= 0) set(field, halfWidthDigits(cells[at(field)]!), 'full-width digits');
        const doc = docs.get(cells[at('doc')] ?? '');
        const lineNo = Number(cells[at('line')]);
        // A passage over lines (line_end) is checked by validate; only a one-line quote is moved.
        const lineEnd = at('line_end') >= 0 && cells[at('line_end')] ? Number(cells[at('line_end')]) : undefined;
        const quoteOf = () => (table === 'projects' ? cells[at('zh')] : cells[at('quote')] || cells[at('text')]) ?? '';
        const stands = (quote: string, n: number) => Boolean(doc && quote && standsOn(doc, quote, n, n === lineNo ? lineEnd : undefined));
        if (table === 'observations' && at('text') >= 0) {
          const value = cells[at('text')]!;
          const half = halfWidthDigits(value);
          const quote = cells[at('quote')];
          const proven = quote ? squash(quote).includes(squash(half)) : stands(half, lineNo);
          if (half !== value && proven) set('text', half, 'full-width digits');
        }
        const quote = quoteOf();
        if (doc && lineEnd === undefined && Number.isInteger(lineNo) && lineNo > 0 && quote && !stands(quote, lineNo)) {
          const found = doc.flatMap((_, i) => (stands(quote, i + 1) ? [i + 1] : []));
          if (found.length === 1) set('line', String(found[0]), 'quote on another line');
        }
        if (cells.some((c, i) => c !== record[i])) {
          const ending = lines[info.lines - 1]!.endsWith('\r') ? '\r' : '';
          lines[info.lines - 1] = cells.map(csvField).join(',') + ending;
          changed = true;
        }
      }
      if (changed) files.push({ path, data: Buffer.from(lines.join('\n')) });
    }
  }
  return { fixes, files };
}
