// The DOCX as a file: Word's built-in styles instead of direct formatting, a filled-in TOC, SEQ-numbered captions, w:lang per language.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import * as fontkit from 'fontkit';
import { renderBriefing, type RenderedFile } from '../src/pipeline.js';
import { workspace } from './helpers.js';

let files: RenderedFile[];
const part = (suffix: string, name: string) => strFromU8(unzipSync(files.find((f) => f.path.endsWith(suffix))!.data)[name]!);
const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/g)].map((m) => m[1] ?? m[2]!);
const textOf = (p: string) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const styleOf = (p: string) => /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1];
const styleXml = (styles: string, id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>(.*?)</w:style>`).exec(styles)?.[1];

before(async () => {
  files = await renderBriefing(workspace(), { district: 'wanzhou', year: 2024, langs: ['zh', 'en', 'zh-en'], formats: ['docx'], outDir: 'output', date: '2025-01-13' });
});

test('Word built-in styles by their own names, with a Table Grid-based table style', () => {
  const styles = part('.zh-en.docx', 'word/styles.xml');
  for (const [id, name] of [['Title', 'Title'], ['Heading1', 'heading 1'], ['Heading2', 'heading 2'], ['Heading3', 'heading 3'], ['Caption', 'caption'], ['TOC1', 'toc 1'], ['TOC2', 'toc 2'], ['TableGrid', 'Table Grid'], ['Header', 'header'], ['Footer', 'footer']]) {
    assert.match(styleXml(styles, id!) ?? '', new RegExp(`^<w:name w:val="${name}"/>`), `${id} named "${name}"`);
  }
  for (const level of [1, 2, 3]) assert.match(styleXml(styles, `Heading${level}`)!, new RegExp(`<w:outlineLvl w:val="${level - 1}"/>`));
  const table = styleXml(styles, 'BriefingTable')!;
  assert.match(table, /<w:basedOn w:val="TableGrid"\/>/);
  assert.match(table, /<w:tblStylePr w:type="firstRow">.*<w:shd /);
  assert.equal((styles.match(/w:styleId="TOC1"/g) ?? []).length, 1, 'one TOC 1 style');
});

test('text is formatted by styles: no direct sizes, bold or colours in the body', () => {
  for (const lang of ['zh', 'en', 'zh-en']) {
    const xml = part(`.${lang}.docx`, 'word/document.xml');
    assert.doesNotMatch(xml, /<w:sz /, `${lang}: no direct font size`);
    assert.doesNotMatch(xml, /<w:b\/>/, `${lang}: no direct bold`);
    assert.doesNotMatch(xml, /<w:color /, `${lang}: no direct colour`);
    assert.doesNotMatch(xml, /<w:tblBorders>/, `${lang}: table borders from the table style`);
    assert.match(xml, /<w:tblStyle w:val="BriefingTable"\/>/);
    assert.match(xml, /<w:pStyle w:val="Title"\/>/);
    assert.match(xml, /<w:pStyle w:val="Heading1"\/>/);
    assert.match(xml, /<w:pStyle w:val="Heading2"\/>/);
    assert.match(xml, /<w:rStyle w:val="StatusMet"\/>/);
  }
});

test('the table of contents is filled in, with page numbers, and Word is not asked to update fields', () => {
  for (const lang of ['zh', 'en', 'zh-en']) {
    const xml = part(`.${lang}.docx`, 'word/document.xml');
    assert.match(xml, /<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    assert.doesNotMatch(xml, /w:dirty="(true|1)"/);
    assert.doesNotMatch(part(`.${lang}.docx`, 'word/settings.xml'), /updateFields/);
    const entries = [...xml.matchAll(/<w:hyperlink [^>]*w:anchor="(_Toc\d+)">(.*?)<\/w:hyperlink>/g)].map((m) => ({ anchor: m[1]!, texts: [...m[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]!) }));
    assert.ok(entries.length >= 8, `${lang}: sections and annexes`);
    const headings = paragraphsOf(xml).filter((p) => /<w:pStyle w:val="Heading[12]"\/>/.test(p));
    assert.deepEqual(entries.map((e) => e.texts[0]), headings.map(textOf), `${lang}: one entry per Heading 1–2, in order`);
    let last = 0;
    for (const e of entries) {
      const page = Number(e.texts.at(-1));
      assert.ok(page >= last && page >= 1, `${lang}: ${e.texts[0]} has page ${e.texts.at(-1)}`);
      last = page;
      assert.match(xml, new RegExp(`<w:bookmarkStart w:name="${e.anchor}"`));
    }
  }
});

test('captions number with SEQ fields whose results are the composed numbers', () => {
  for (const lang of ['zh', 'en', 'zh-en']) {
    const captions = paragraphsOf(part(`.${lang}.docx`, 'word/document.xml')).filter((p) => styleOf(p) === 'Caption');
    assert.ok(captions.length >= 10, `${lang}: captions`);
    const counts = new Map<string, number>();
    for (const p of captions) {
      const m = /<w:instrText xml:space="preserve">SEQ (\S+)<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">(\d+)<\/w:t>/.exec(p);
      assert.ok(m, `${lang}: SEQ in "${textOf(p)}"`);
      const [, label, result] = m;
      counts.set(label!, (counts.get(label!) ?? 0) + 1);
      assert.equal(Number(result), counts.get(label!), `${lang}: ${label} ${result} counted in order`);
      assert.ok(textOf(p).replace(/\s/g, '').startsWith(`${label}${result}`), `${lang}: "${textOf(p)}" reads ${label}${result}`);
    }
    const expected = lang === 'zh' ? ['表', '图'] : lang === 'en' ? ['Table', 'Figure'] : ['表', 'Table', '图', 'Figure'];
    assert.deepEqual([...counts.keys()].sort(), expected.sort());
  }
});

test('w:lang on styles and runs; in zh-en each language in its own paragraph', () => {
  const defaults = (lang: string) => /<w:docDefaults>.*?<w:lang ([^>]*)\/>/.exec(part(`.${lang}.docx`, 'word/styles.xml'))![1];
  assert.match(defaults('zh'), /w:val="zh-CN"/);
  assert.match(defaults('en'), /w:val="en-US"/);
  assert.match(defaults('zh-en'), /w:val="zh-CN"/);
  const styles = part('.zh-en.docx', 'word/styles.xml');
  for (const id of ['Translation', 'Subtitle', 'Heading1Translation', 'TranslationChar']) assert.match(styleXml(styles, id)!, /<w:lang w:val="en-US"/, `${id} is English`);

  const xml = part('.zh-en.docx', 'word/document.xml');
  const runsWithText = [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => m[1]!).filter((r) => /<w:t[ >]/.test(r) && !/<w:instrText/.test(r));
  const withoutLang = runsWithText.filter((r) => !/<w:lang /.test(r) && !/^<w:t[^>]*>\d+<\/w:t>$/.test(r));
  // TOC entries are written by docx from the headings and carry the heading paragraphs' language through their style.
  assert.ok(withoutLang.every((r) => /^<w:t[^>]*>[^<]*<\/w:t>$/.test(r)), 'every formatted run has w:lang');
  let chinese = 0;
  let english = 0;
  for (const p of paragraphsOf(xml.slice(xml.indexOf('</w:sdt>')))) {
    const langs = new Set([...p.matchAll(/<w:lang w:val="([^"]+)"/g)].map((m) => m[1]));
    assert.ok(langs.size <= 1, `one language in "${textOf(p)}"`);
    const text = textOf(p).replace(/&amp;/g, '&');
    const cjk = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
    const words = (text.match(/[A-Za-z]+/g) ?? []).length;
    if (cjk > 0 && cjk >= words / 3) {
      chinese++;
      assert.deepEqual([...langs], ['zh-CN'], `"${text}" tagged zh-CN`);
    } else if (/[A-Za-z]{3}/.test(text) && langs.size > 0) {
      english++;
      assert.deepEqual([...langs], ['en-US'], `"${text}" tagged en-US`);
    }
  }
  assert.ok(chinese > 50 && english > 50, `${chinese} Chinese and ${english} English paragraphs`);
  const styled = paragraphsOf(xml).map((p) => ({ style: styleOf(p), text: textOf(p) }));
  for (const [i, p] of styled.entries()) {
    if (p.style === 'Heading1' || p.style === 'Heading2') assert.match(styled[i + 1]!.style ?? '', /^Heading[12]Translation$/, `"${p.text}" followed by its English`);
  }
});

/** An embedded font, its first 32 bytes XORed back with its key (ECMA-376 font obfuscation), as Word reads it. */
function embeddedFont(entries: Record<string, Uint8Array>, kind: 'Regular' | 'Bold'): fontkit.Font {
  const table = strFromU8(entries['word/fontTable.xml']!);
  const [, relId, key] = new RegExp(`<w:embed${kind} r:id="([^"]+)" w:fontKey="\\{([0-9A-Fa-f-]+)\\}"`).exec(table)!;
  const rels = strFromU8(entries['word/_rels/fontTable.xml.rels']!);
  const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${relId}"`).exec(rels)!;
  const data = Buffer.from(entries[`word/${target[1] ?? target[2]}`]!);
  const bytes = key!.replace(/-/g, '').match(/../g)!.map((h) => parseInt(h, 16)).reverse();
  for (let i = 0; i < 32; i++) data[i]! ^= bytes[i % 16]!;
  return fontkit.create(data) as fontkit.Font;
}

test('the embedded subsets hold every character: the regular face all text, the bold face all bold text; under 300 KB', () => {
  for (const lang of ['zh', 'en', 'zh-en']) {
    const file = files.find((f) => f.path.endsWith(`.${lang}.docx`))!.data;
    const entries = unzipSync(file);
    const regular = embeddedFont(entries, 'Regular');
    const bold = embeddedFont(entries, 'Bold');
    const missing = (font: fontkit.Font, text: string) => [...new Set(text)].filter((c) => c.trim() && !font.hasGlyphForCodePoint(c.codePointAt(0)!));
    const xml = strFromU8(entries['word/document.xml']!);
    const charts = Object.keys(entries).filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n)).map((n) => strFromU8(entries[n]!));
    const all = textOf(xml) + charts.map((c) => [...c.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('')).join('');
    assert.deepEqual(missing(regular, all.replace(/&amp;/g, '&')), [], `${lang}: regular face`);
    const boldStyles = new Set(['Title', 'Subtitle', 'Heading1', 'Heading2', 'Heading3', 'Heading1Translation', 'Heading2Translation', 'Heading3Translation', 'Caption', 'TableHeading']);
    const boldText = paragraphsOf(xml).map((p) => (boldStyles.has(styleOf(p) ?? '') ? textOf(p)
      : [...p.matchAll(/<w:r><w:rPr><w:rStyle w:val="(?:Strong|Status\w+)"\/>.*?<\/w:r>/g)].map((m) => textOf(m[0])).join(''))).join('')
      + charts.map((c) => [...c.matchAll(/<a:rPr [^>]*b="1".*?<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('')).join('');
    assert.ok(boldText.length > 200, `${lang}: bold text found`);
    assert.deepEqual(missing(bold, boldText.replace(/&amp;/g, '&')), [], `${lang}: bold face`);
    assert.ok(bold.numGlyphs < regular.numGlyphs, `${lang}: the bold subset holds only the bold text`);
    assert.ok(file.length <= 300_000, `${lang}: ${file.length} bytes`);
  }
});
