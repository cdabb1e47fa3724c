// The PDF as a file: bookmarks mirroring the headings, document metadata, PDF/A-2b identification, XMP and output intent, tags (qpdf).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { briefingPlan, composeAll, type ComposedDocument } from '../src/pipeline.js';
import { pdfDefinition, plainText, renderPdf } from '../src/render/pdf.js';
import type { Block, Table } from '../src/ir/types.js';
import { workspace } from './helpers.js';

const request = { district: 'wanzhou', year: 2024, langs: ['zh-en' as const], formats: ['pdf' as const], outDir: 'output', date: '2025-01-13' };
let composed: ComposedDocument;
let pdf: Buffer;

type Outline = { title: string; destpageposfrom1: number; kids: Outline[] };
const onDisk = (file: Buffer) => {
  const path = join(mkdtempSync(join(tmpdir(), 'briefing-pdf-')), 'a.pdf');
  writeFileSync(path, file);
  return path;
};
const qpdf = (file: Buffer, ...args: string[]) => execFileSync('qpdf', [...args, onDisk(file)], { encoding: 'utf8', maxBuffer: 64 << 20 });

/** The bookmarks as qpdf reads them, and in order, each with its nesting level (0 at the top) and page. */
function bookmarks(file: Buffer) {
  const outlines = JSON.parse(qpdf(file, '--json', '--json-key=outlines')).outlines as Outline[];
  const flat: { title: string; level: number; page: number }[] = [];
  const walk = (list: Outline[], level: number) => list.forEach((o) => { flat.push({ title: o.title, level, page: o.destpageposfrom1 }); walk(o.kids, level + 1); });
  walk(outlines, 0);
  return { outlines, flat };
}

/** The XMP packet: pdfkit writes it as an uncompressed stream. */
const xmp = (file: Buffer) => {
  const text = file.toString('latin1');
  const start = text.indexOf('<?xpacket begin');
  const end = text.indexOf('<?xpacket end', start);
  assert.ok(start >= 0 && end > start, 'an XMP packet');
  return Buffer.from(text.slice(start, text.indexOf('?>', end) + 2), 'latin1').toString('utf8');
};

/** A small well-formedness check: tags balance and no text holds a bare & or <. */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '');
  for (const m of body.matchAll(/<(\/?)([\w:]+)[^<>]*?(\/?)>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      assert.doesNotMatch(m[4], /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i, `bare & in ${m[4]}`);
      continue;
    }
    if (m[3]) continue;
    if (m[1]) assert.equal(stack.pop(), m[2], `closing ${m[2]}`);
    else stack.push(m[2]!);
  }
  assert.deepEqual(stack, [], 'every element closed');
  assert.doesNotMatch(body.replace(/<(\/?)[\w:]+[^<>]*>/g, ''), /[<>]/, 'no stray angle bracket');
}

/** The headings' bookmark titles, nested as the outline should be: the document title is not a bookmark. */
function expectedOutline(blocks: Block[]): { title: string; depth: number }[] {
  const out: { title: string; depth: number }[] = [];
  let seenTitle = false;
  const visit = (list: Block[]) => {
    for (const b of list) {
      if (b.type === 'heading') {
        if (b.depth === 1 && !seenTitle) seenTitle = true;
        else out.push({ title: plainText(b.children), depth: b.depth });
      } else if (b.type === 'div') visit(b.children);
    }
  };
  visit(blocks);
  return out;
}

/** The objects of a PDF by reference ("12 0 R"), its catalog and its pages, from qpdf's JSON. */
type PdfValue = string | number | boolean | null | PdfValue[] | { [key: string]: PdfValue };
type Dict = Record<string, PdfValue>;
function pdfObjects(file: Buffer) {
  const json = JSON.parse(qpdf(file, '--json')) as { pages: { object: string }[]; qpdf: [unknown, Record<string, { value?: Dict; stream?: { dict: Dict } }>] };
  const objects = json.qpdf[1];
  const get = (ref: PdfValue) => {
    const o = objects[`obj:${String(ref)}`];
    assert.ok(o, `object ${String(ref)}`);
    return (o.value ?? o.stream!.dict) as Dict;
  };
  const catalog = Object.values(objects).map((o) => o.value).find((v) => v?.['/Type'] === '/Catalog')!;
  return { get, catalog, pages: json.pages.map((p) => p.object) };
}
const list = (v: PdfValue | undefined): PdfValue[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const isRef = (v: PdfValue): v is string => typeof v === 'string' && / 0 R$/.test(v);

/** A structure element as read back: its type, attributes, marked content (page reference, MCID) and children. */
interface Element { ref: string; type: string; dict: Dict; content: { page: string; mcid: number }[]; kids: Element[] }
function structureTree(file: Buffer) {
  const { get, catalog, pages } = pdfObjects(file);
  const read = (ref: string): Element => {
    const dict = get(ref);
    const content: Element['content'] = [];
    const kids: Element[] = [];
    for (const k of list(dict['/K'])) {
      if (isRef(k)) kids.push(read(k));
      else if (typeof k === 'number') content.push({ page: dict['/Pg'] as string, mcid: k });
      else if (k && typeof k === 'object' && !Array.isArray(k) && k['/Type'] === '/MCR') content.push({ page: k['/Pg'] as string, mcid: k['/MCID'] as number });
      else assert.fail(`unexpected kid ${JSON.stringify(k)} of ${ref}`);
    }
    return { ref, type: String(dict['/S']).slice(1), dict, content, kids };
  };
  const root = get(catalog['/StructTreeRoot']!);
  return { get, catalog, pages, root, top: list(root['/K']).map((k) => read(k as string)) };
}
const preorder = (e: Element): Element[] => [e, ...e.kids.flatMap(preorder)];

/** Each page's content stream, decompressed (qpdf's QDF form marks where each page's contents begin). */
function pageContents(file: Buffer): string[] {
  const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', onDisk(file), '-'], { maxBuffer: 64 << 20 }).toString('latin1');
  const pages: string[] = [];
  for (const m of qdf.matchAll(/%% Contents for page (\d+)\n[\s\S]*?\nstream\n([\s\S]*?)\nendstream/g)) pages[Number(m[1]) - 1] = m[2]!;
  return pages;
}

/** A page's marked content: its sequences in order (tag, MCID, artifact type, text operators inside), text outside any. */
function markedContent(stream: string) {
  const sequences: { tag: string; mcid?: number; artifact?: string; texts: number; depth: number }[] = [];
  const open: number[] = [];
  let outside = 0;
  for (const m of stream.matchAll(/\/(\w+)\s*(<<[\s\S]*?>>)?\s*BDC|\/(\w+)\s+BMC|\bEMC\b|[)>\]]\s*(?:Tj|TJ|'|")(?=\s)/g)) {
    if (m[1] !== undefined || m[3] !== undefined) {
      const props = m[2] ?? '';
      const mcid = /\/MCID (\d+)/.exec(props)?.[1];
      open.push(sequences.push({ tag: m[1] ?? m[3]!, mcid: mcid === undefined ? undefined : Number(mcid), artifact: /\/Type \/(\w+)/.exec(props)?.[1], texts: 0, depth: open.length }) - 1);
    } else if (m[0] === 'EMC') assert.ok(open.pop() !== undefined, 'EMC without BDC');
    else if (open.length === 0) outside++;
    else sequences[open.at(-1)!]!.texts++;
  }
  assert.equal(open.length, 0, 'every sequence ends on its page');
  return { sequences, outside };
}

/** The document's blocks in order, descending into divisions and list items. */
function flatBlocks(blocks: Block[]): Block[] {
  return blocks.flatMap((b) => [b, ...(b.type === 'div' ? flatBlocks(b.children) : b.type === 'list' ? b.items.flatMap(flatBlocks) : [])]);
}

before(async () => {
  const ws = workspace();
  [composed] = await composeAll(ws, briefingPlan(ws, request), ['zh-en']) as [ComposedDocument];
  pdf = await renderPdf(pdfDefinition(composed), ws.fonts);
});

test('qpdf finds no errors', () => {
  const out = qpdf(pdf, '--check');
  assert.match(out, /No syntax or stream encoding errors found/);
  assert.doesNotMatch(out, /WARNING/i);
});

test('the outline mirrors the headings, annexes under the annex heading, each on its page', () => {
  const { outlines, flat } = bookmarks(pdf);
  const expected = expectedOutline(composed.ir.blocks);
  assert.deepEqual(flat.map((o) => o.title), expected.map((e) => e.title));
  assert.ok(flat.length >= 8, 'sections and annexes');
  const annex = outlines.find((o) => o.title.startsWith('附件'))!;
  assert.ok(annex.kids.length >= 3 && annex.kids.every((k) => k.title.startsWith('附件')), 'annexes nested under 附件');
  for (let i = 1; i < flat.length; i++) assert.ok(flat[i]!.page >= flat[i - 1]!.page, `${flat[i]!.title} after ${flat[i - 1]!.title}`);
  const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' }).split('\f');
  for (const o of flat) assert.ok(text[o.page - 1]!.replace(/\s+/g, '').includes(o.title.split(' ')[0]!.replace(/\s+/g, '')), `${o.title} on page ${o.page}`);
});

test('title, author, subject, language and PDF/A-2b metadata, matching in Info and XMP', () => {
  const info = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
  assert.match(info, new RegExp(`Title:\\s+${composed.ir.meta.title.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
  assert.match(info, /Author:\s+\S/);
  assert.match(info, /Subject:\s+\S/);
  assert.match(info, /PDF version:\s+1\.7/);
  const packet = xmp(pdf);
  assertWellFormed(packet);
  assert.match(packet, /<pdfaid:part>2<\/pdfaid:part>/);
  assert.match(packet, /<pdfaid:conformance>B<\/pdfaid:conformance>/);
  assert.ok(packet.includes(`<rdf:li xml:lang="x-default">${composed.ir.meta.title}</rdf:li>`), 'dc:title equals the Info title');
  assert.match(packet, /<xmp:CreateDate>2025-01-13T00:00:00Z<\/xmp:CreateDate>/);
  assert.doesNotMatch(info, /ModDate/, 'no ModDate (it would need an xmp:ModifyDate)');
  const raw = pdf.toString('latin1');
  assert.match(raw, /\/Lang \(zh-CN\)/);
  assert.match(raw, /\/DisplayDocTitle true/);
  assert.match(raw, /\/OutputIntents \[\d+ 0 R\]/);
  assert.match(raw, /\/S \/GTS_PDFA1/);
  assert.match(raw, /\/OutputConditionIdentifier \(sRGB IEC61966-2\.1\)/);
});

test('titles with XML specials stay well-formed in the XMP packet and intact in Info', async () => {
  const title = 'R&D <spending> "2024" & more';
  const def = pdfDefinition({ ...composed, ir: { ...composed.ir, meta: { ...composed.ir.meta, title, lang: 'en' }, blocks: [{ type: 'paragraph', children: [{ type: 'text', value: 'x' }] }] } });
  const file = await renderPdf(def, workspace().fonts);
  const packet = xmp(file);
  assertWellFormed(packet);
  assert.ok(packet.includes('R&amp;D &lt;spending&gt; &quot;2024&quot; &amp; more'));
  assert.match(execFileSync('pdfinfo', ['-'], { input: file, encoding: 'utf8' }), /Title:\s+R&D <spending> "2024" & more/);
  assert.match(file.toString('latin1'), /\/Lang \(en-US\)/);
});

test('tagged: marked, one Document root, the document title shown, the language set', () => {
  assert.match(execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' }), /Tagged:\s+yes/);
  const { get, catalog, root, top } = structureTree(pdf);
  assert.equal(get(catalog['/MarkInfo']!)['/Marked'], true);
  assert.equal(get(catalog['/ViewerPreferences']!)['/DisplayDocTitle'], true);
  assert.equal(catalog['/Lang'], 'u:zh-CN');
  assert.equal(root['/Type'], '/StructTreeRoot');
  assert.deepEqual(top.map((e) => e.type), ['Document']);
  const types = new Set(preorder(top[0]!).map((e) => e.type));
  for (const t of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Caption', 'Figure']) assert.ok(types.has(t), `a ${t} element`);
});

test('tags in reading order: headings by level as the outline nests them, paragraphs with their language, tables, lists, the figure', () => {
  const elements = preorder(structureTree(pdf).top[0]!);
  const blocks = flatBlocks(composed.ir.blocks);
  // Headings: the title H1, then every bookmarked heading in order, H2 at the outline's top level, H3 nested once:
  // no level skipped.
  const headings = elements.filter((e) => /^H\d$/.test(e.type)).map((e) => e.type);
  assert.deepEqual(headings, ['H1', ...bookmarks(pdf).flat.map((o) => `H${o.level + 2}`)]);
  assert.equal(headings.length, blocks.filter((b) => b.type === 'heading').length);
  assert.deepEqual([...new Set(headings)].sort(), ['H1', 'H2', 'H3']);
  // Paragraphs: one P each (figure and table captions are Captions), English ones in en-US in the Chinese document.
  const paragraphs = blocks.filter((b) => b.type === 'paragraph' && b.children.length > 0);
  const english = paragraphs.filter((b) => b.type === 'paragraph' && (b.class ?? '').split(' ').includes('translation'));
  assert.ok(english.length > 10);
  assert.equal(elements.filter((e) => e.type === 'P').length, paragraphs.length);
  assert.deepEqual(elements.filter((e) => e.dict['/Lang'] !== undefined).map((e) => [e.type, e.dict['/Lang']]), english.map(() => ['P', 'u:en-US']));
  // Tables: a Caption, then a header row of column-scoped TH, then a row of TD per body row, each as wide as the table.
  const tables = blocks.filter((b): b is Table => b.type === 'table');
  const tagged = elements.filter((e) => e.type === 'Table');
  assert.equal(tagged.length, tables.length);
  tables.forEach((t, i) => {
    const [caption, header, ...rows] = tagged[i]!.kids;
    assert.equal(caption?.type, 'Caption');
    assert.ok(caption!.content.length > 0, 'the caption is drawn');
    assert.deepEqual(header!.kids.map((c) => [c.type, (c.dict['/A'] as Dict)?.['/Scope']]), t.header.map(() => ['TH', '/Column']));
    assert.equal(rows.length, t.rows.length, `rows of ${plainText(t.caption)}`);
    rows.forEach((row, r) => assert.deepEqual(row.kids.map((c) => c.type), t.rows[r]!.map(() => 'TD')));
  });
  // Lists: an LI per item, its marker a Lbl and its paragraphs in an LBody.
  const lists = blocks.filter((b) => b.type === 'list');
  const taggedLists = elements.filter((e) => e.type === 'L');
  assert.deepEqual(taggedLists.map((l) => l.kids.length), lists.map((l) => (l.type === 'list' ? l.items.length : 0)));
  for (const li of taggedLists.flatMap((l) => l.kids)) assert.deepEqual(li.kids.map((k) => k.type), ['Lbl', 'LBody']);
  // The chart: a Figure whose alternative text is its caption, drawn, with the caption as its Caption.
  const figures = blocks.filter((b) => b.type === 'figure');
  const taggedFigures = elements.filter((e) => e.type === 'Figure');
  assert.deepEqual(taggedFigures.map((f) => f.dict['/Alt']), figures.map((f) => (f.type === 'figure' ? `u:${plainText(f.caption)}` : '')));
  for (const f of taggedFigures) {
    assert.ok(f.content.length > 0, 'the chart is the figure\'s content');
    assert.deepEqual(f.kids.map((k) => k.type), ['Caption']);
  }
  // Reading order is drawing order: each element's content starts after the one before (a list marker is drawn after
  // its item's first line); a table's header row is drawn, as its own, on the table's first page only.
  const { pages } = structureTree(pdf);
  const at = (c: { page: string; mcid: number }) => pages.indexOf(c.page) * 1e6 + c.mcid;
  const starts = elements.filter((e) => e.content.length > 0 && e.type !== 'Lbl').map((e) => Math.min(...e.content.map(at)));
  starts.forEach((start, i) => assert.ok(i === 0 || start > starts[i - 1]!, `element ${i} in reading order`));
  for (const t of tagged) {
    const onPages = new Set([t.kids[0]!, ...t.kids[1]!.kids].flatMap((e) => e.content.map((c) => c.page)));
    assert.equal(onPages.size, 1, 'caption and header row tagged once, where the table begins');
  }
  // Every leaf holds content; only a table's empty cells may be empty.
  for (const e of elements) if (e.kids.length === 0 && !['TD', 'TH'].includes(e.type)) assert.ok(e.content.length > 0, `${e.type} ${e.ref} has content`);
});

test('the parent tree maps each page\'s marked-content sequences to the elements that hold them, and only those', () => {
  const { get, pages, root, top } = structureTree(pdf);
  const contents = pageContents(pdf);
  assert.equal(contents.length, pages.length);
  const parentTree = root['/ParentTree'] as Dict;
  assert.equal(parentTree['/Kids'], undefined, 'a flat number tree');
  const nums = list(parentTree['/Nums']);
  const byKey = new Map<number, PdfValue[]>();
  for (let i = 0; i < nums.length; i += 2) byKey.set(nums[i] as number, nums[i + 1] as PdfValue[]);
  // What the elements claim, page by page.
  const claimed = new Map<string, string>();
  for (const e of preorder(top[0]!)) for (const c of e.content) {
    assert.ok(!claimed.has(`${c.page}#${c.mcid}`), `MCID ${c.mcid} of ${c.page} claimed once`);
    claimed.set(`${c.page}#${c.mcid}`, e.ref);
  }
  let total = 0;
  pages.forEach((page, i) => {
    const mcids = markedContent(contents[i]!).sequences.filter((s) => s.mcid !== undefined);
    const key = get(page)['/StructParents'];
    if (mcids.length === 0) return assert.equal(key, undefined, `page ${i + 1} has no marked content to map`);
    assert.equal(typeof key, 'number', `page ${i + 1} has StructParents`);
    const parents = byKey.get(key as number)!;
    assert.deepEqual(mcids.map((s) => s.mcid), parents.map((_, n) => n), `page ${i + 1}: MCIDs 0…n in order`);
    mcids.forEach((s) => {
      const element = parents[s.mcid!] as string;
      assert.equal(claimed.get(`${page}#${s.mcid}`), element, `page ${i + 1} MCID ${s.mcid}: the element the parent tree names holds it`);
      assert.equal(`/${s.tag}`, get(element)['/S'], 'the sequence is tagged with its element\'s type');
    });
    total += mcids.length;
  });
  assert.equal(total, claimed.size, 'every element\'s content is on a page');
  assert.ok(total > pages.length * 5);
});

test('every text-showing operator lies in a marked-content sequence: an element\'s, or the running header\'s and page labels\' (pagination)', () => {
  pageContents(pdf).forEach((stream, i) => {
    const { sequences, outside } = markedContent(stream);
    assert.equal(outside, 0, `page ${i + 1}: no text outside marked content`);
    assert.ok(sequences.every((s) => s.depth === 0), `page ${i + 1}: sequences are not nested`);
    for (const s of sequences) {
      if (s.tag === 'Artifact') assert.ok(s.artifact === 'Pagination' || (s.artifact === 'Layout' && s.texts === 0), `page ${i + 1}: text in a ${s.artifact} artifact`);
      else assert.equal(typeof s.mcid, 'number', `page ${i + 1}: ${s.tag} has an MCID`);
    }
    const text = sequences.filter((s) => s.texts > 0);
    assert.ok(text.some((s) => s.mcid !== undefined), `page ${i + 1} has tagged text`);
    if (i > 0) assert.ok(text.some((s) => s.artifact === 'Pagination'), `page ${i + 1}: header and page label are artifacts`);
  });
});

test('tags add little to the file: the structure goes into object streams', async () => {
  const untagged = await renderPdf({ ...pdfDefinition(composed), tagged: false }, workspace().fonts);
  assert.match(execFileSync('pdfinfo', ['-'], { input: untagged, encoding: 'utf8' }), /Tagged:\s+no/);
  assert.ok(pdf.length < untagged.length * 1.12, `tagged ${pdf.length} bytes, untagged ${untagged.length}`);
  assert.match(pdf.toString('latin1'), /\/Type \/ObjStm/);
  assert.doesNotMatch(untagged.toString('latin1'), /\/Type \/ObjStm/, 'an untagged PDF keeps its cross-reference table');
});
