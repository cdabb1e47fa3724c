// Reads the sheets of an Excel workbook (.xlsx) as rows of text cells, synchronously, as the data loader needs.
import { strFromU8, unzipSync } from 'fflate';

export interface SheetRow {
  /** The row's number in the sheet, as Excel shows it. */
  line: number;
  cells: string[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(xml: string): string {
  return xml
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e] ?? m)
    .replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of a string item: every <t> run, without phonetic guides (<rPh>). */
function textOf(item: string): string {
  return [...item.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decode(m[1]!)).join('');
}

const attribute = (attrs: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)?.[0] ?? '') n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** A number cell as a person typed it: binary noise beyond 15 significant digits dropped, as Excel shows it. */
function numberText(raw: string): string {
  const n = Number(raw);
  return Number.isFinite(n) ? String(Number(n.toPrecision(15))) : raw;
}

export class XlsxError extends Error {}

/** Every sheet of the workbook, in workbook order; cells as text (numbers as shown, booleans TRUE/FALSE). */
export function readXlsx(bytes: Uint8Array): Sheet[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new XlsxError(`not an Excel workbook (.xlsx): ${(e as Error).message}`);
  }
  const text = (path: string) => (files[path] ? strFromU8(files[path]!) : undefined);
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new XlsxError('not an Excel workbook (.xlsx): xl/workbook.xml is missing');
  const targets = new Map<string, string>();
  for (const [, attrs] of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attribute(attrs!, 'Id');
    const target = attribute(attrs!, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]!));
  return [...workbook.matchAll(/<sheet\b([^>]*)\/?>/g)].map(([, attrs]) => {
    const name = decode(attribute(attrs!, 'name') ?? '');
    const xml = text(targets.get(attribute(attrs!, 'r:id') ?? '') ?? '') ?? '';
    const rows: SheetRow[] = [];
    for (const [, rowAttrs, body] of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const cells: string[] = [];
      for (const [, cellAttrs, inner] of (body ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const ref = attribute(cellAttrs!, 'r');
        const index = ref ? columnIndex(ref) : cells.length;
        const type = attribute(cellAttrs!, 't');
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner ?? '')?.[1];
        let value = '';
        if (type === 'inlineStr') value = textOf(/<is>([\s\S]*?)<\/is>/.exec(inner ?? '')?.[1] ?? '');
        else if (v === undefined) value = '';
        else if (type === 's') value = shared[Number(v)] ?? '';
        else if (type === 'str' || type === 'e') value = decode(v);
        else if (type === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
        else value = numberText(v);
        cells[index] = value;
      }
      const line = Number(attribute(rowAttrs!, 'r') ?? rows.length + 1);
      rows.push({ line, cells: Array.from(cells, (c) => c ?? '') });
    }
    return { name, rows };
  });
}
