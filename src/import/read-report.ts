// Reads a report (plain text, HTML or DOCX) into text lines: paragraphs one a line, table cells as "\t" lines, rows separated by a blank line.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { fail } from '../diagnostics.js';

/** The report as lines; line numbers in a draft are 1-based indices into these. */
export function readReport(path: string): string[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return fail('fileUnreadable', { file: path }, (e as Error).message);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.docx') return docxLines(bytes, path);
  const text = bytes.toString('utf8').replace(/^\ufeff/, '');
  if (ext === '.html' || ext === '.htm' || /^\s*<(!doctype|html)/i.test(text)) return htmlLines(text);
  return text.replace(/\r\n?/g, '\n').split('\n');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const BLOCK = /^(p|div|h[1-6]|li|br|section|article|caption|title|header|footer|blockquote|pre)$/;

/** HTML: each block element a line; each table row a group of "\t"-cells followed by a blank line. */
export function htmlLines(html: string): string[] {
  const lines: string[] = [];
  let current = '';
  let cell: string | undefined;
  const flush = () => {
    const t = current.replace(/[ \t\r\n]+/g, ' ').trim();
    if (t) lines.push(t);
    current = '';
  };
  const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, '');
  for (const token of body.split(/(<[^>]+>)/)) {
    const tag = /^<\s*(\/)?\s*([a-z0-9]+)/i.exec(token);
    if (!tag) {
      const text = decodeEntities(token);
      if (cell !== undefined) cell += text;
      else current += text;
      continue;
    }
    const [, closing, rawName] = tag;
    const name = rawName!.toLowerCase();
    if (name === 'td' || name === 'th') {
      if (closing) {
        if (cell !== undefined) lines.push(`\t${cell.replace(/\s+/g, ' ').trim()}`);
        cell = undefined;
      } else {
        flush();
        cell = '';
      }
    } else if (name === 'tr') {
      if (!closing) flush();
      else lines.push('');
    } else if (cell !== undefined) {
      if (BLOCK.test(name)) cell += ' ';
    } else if (BLOCK.test(name) || name === 'table') flush();
  }
  flush();
  return lines;
}

/** DOCX: word/document.xml's paragraphs and tables, in document order. */
export function docxLines(bytes: Uint8Array, path: string): string[] {
  let xml: string;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
    const doc = files['word/document.xml'];
    if (!doc) throw new Error('no word/document.xml inside');
    xml = strFromU8(doc);
  } catch (e) {
    return fail('fileUnreadable', { file: path }, `not a readable DOCX file (${(e as Error).message})`);
  }
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? '';
  const lines: string[] = [];
  for (const block of topLevel(body, ['w:p', 'w:tbl'])) {
    if (block.startsWith('<w:tbl')) {
      for (const row of nested(block, 'w:tr')) {
        for (const cell of nested(row, 'w:tc')) lines.push(`\t${nested(cell, 'w:p').map(paragraphText).join(' ').trim()}`);
        lines.push('');
      }
    } else lines.push(...paragraphText(block).split('\n'));
  }
  return lines;
}

function paragraphText(p: string): string {
  let out = '';
  for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
    if (m[1] !== undefined) out += decodeEntities(m[1]);
    else out += m[2] === 'tab' ? '\t' : '\n';
  }
  return out;
}

/** The elements named `names` at the top level of `xml` (not inside one another). */
function topLevel(xml: string, names: string[]): string[] {
  const out: string[] = [];
  const open = new RegExp(`<(${names.join('|')})(?=[\\s>/])[^>]*?(/?)>`, 'g');
  let m: RegExpExecArray | null;
  while ((m = open.exec(xml))) {
    if (m[2] === '/') continue;
    const end = closingIndex(xml, m[1]!, m.index);
    out.push(xml.slice(m.index, end));
    open.lastIndex = end;
  }
  return out;
}

const nested = (xml: string, name: string) => topLevel(xml.replace(/^<[^>]*>/, ''), [name]);

/** Index just past the element `name` opened at `start`, counting nested elements of the same name. */
function closingIndex(xml: string, name: string, start: number): number {
  const tag = new RegExp(`<(/?)${name}(?=[\\s>/])[^>]*?(/?)>`, 'g');
  tag.lastIndex = start;
  let depth = 0;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(xml))) {
    if (m[2] === '/') {
      if (depth === 0) return tag.lastIndex;
      continue;
    }
    depth += m[1] ? -1 : 1;
    if (depth === 0) return tag.lastIndex;
  }
  return xml.length;
}
