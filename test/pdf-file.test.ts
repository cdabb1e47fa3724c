// The PDF as a file: bookmarks mirroring the headings, document metadata, PDF/A-2b identification, XMP and output intent (qpdf).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { briefingPlan, composeAll, type ComposedDocument } from '../src/pipeline.js';
import { pdfDefinition, plainText, renderPdf } from '../src/render/pdf.js';
import type { Block } from '../src/ir/types.js';
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
  const outlines = JSON.parse(qpdf(pdf, '--json', '--json-key=outlines')).outlines as Outline[];
  const flat: { title: string; level: number; page: number }[] = [];
  const walk = (list: Outline[], level: number) => list.forEach((o) => { flat.push({ title: o.title, level, page: o.destpageposfrom1 }); walk(o.kids, level + 1); });
  walk(outlines, 0);
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
