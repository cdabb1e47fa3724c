// The DOCX style sheet: Word's built-in styles (Title, Heading 1–3, Caption, TOC 1–2, Table Grid) and ours, so a user restyles in one place.
import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';
import { contentWidthOf, lineMultiple, type Style } from './style.js';

export const halfPoints = (pt: number) => Math.round(pt * 2);
export const twips = (pt: number) => Math.round(pt * 20);
export const hex = (colour: string) => colour.replace('#', '');

/** w:lang of a run or style: Latin text in the language of the paragraph, East Asian text always Chinese. */
export const LANG = { zh: { value: 'zh-CN', eastAsia: 'zh-CN' }, en: { value: 'en-US', eastAsia: 'zh-CN' } } as const;
export type RunLang = keyof typeof LANG;

/** Character styles of IR spans (status words, translations, note marks, bold). */
export const CHAR_STYLE: Record<string, string> = {
  strong: 'Strong',
  emphasis: 'TranslationChar',
  translation: 'TranslationChar',
  mark: 'NoteMark',
  'status-met': 'StatusMet',
  'status-not_met': 'StatusNotMet',
  'status-pending': 'StatusPending',
  'status-qualitative': 'StatusQualitative',
  'status-not_comparable': 'StatusNotComparable',
};

/** Paragraph styles by role; `Translation` ones hold the English of a zh-en pair. */
export const PARA_STYLE = {
  title: 'Title',
  titleTranslation: 'Subtitle',
  heading: (level: 1 | 2 | 3) => `Heading${level}`,
  headingTranslation: (level: 1 | 2 | 3) => `Heading${level}Translation`,
  caption: 'Caption',
  translation: 'Translation',
  tableHeading: 'TableHeading',
  body: 'BodyText',
  tableText: 'TableText',
  tableSubText: 'TableSubText',
  annexTableHeading: 'AnnexTableHeading',
  annexTableText: 'AnnexTableText',
  annexTableSubText: 'AnnexTableSubText',
  annexText: 'AnnexText',
  annexTranslation: 'AnnexTranslation',
  subheading: 'Subheading',
  header: 'Header',
  footer: 'Footer',
} as const;

export const TABLE_STYLE = 'BriefingTable';

/** The styles docx writes, with our sizes, colours, fonts and languages. */
export function docxStyles(s: Style, lang: RunLang): IStylesOptions {
  const fonts = (font: string) => ({ ascii: font, eastAsia: font, hAnsi: font, cs: font });
  // Word's Heading N is the IR's depth N + 1: sections (一、) are Heading 1, annexes Heading 2.
  const heading = (level: number, depth: 1 | 2 | 3, before: number, after: number) => ({
    run: { font: fonts(s.fonts.heading[depth]), size: halfPoints(s.heading[depth]), bold: s.headingBold[depth], color: hex(depth === 3 ? s.colour.text : s.colour.accent) },
    paragraph: { spacing: { before, after }, keepNext: true, keepLines: true, outlineLevel: level - 1 },
  });
  const headingTranslation = (level: 1 | 2 | 3, size: number, after: number) => ({
    id: PARA_STYLE.headingTranslation(level), name: `Heading ${level} Translation`, basedOn: PARA_STYLE.heading(level), next: 'Normal', quickFormat: true,
    run: { size: halfPoints(size), language: LANG.en },
    paragraph: { spacing: { before: 0, after }, outlineLevel: 9 },
  });
  const status = (id: string, name: string, colour: string) => ({ id, name, basedOn: 'DefaultParagraphFont', run: { bold: true, color: hex(colour) } });
  return {
    default: {
      document: {
        // The text colour goes on Normal (finishStyles): LibreOffice lets a table style's defaults override character styles' colours.
        run: { font: fonts(s.fonts.body), size: halfPoints(s.font.size), language: LANG[lang] },
        paragraph: { spacing: { after: 100, line: Math.round(240 * lineMultiple(s)), lineRule: LineRuleType.AUTO } },
      },
      title: {
        run: { font: fonts(s.fonts.title), size: halfPoints(s.heading[1]), bold: s.headingBold[1], color: hex(s.colour.accent) },
        paragraph: { spacing: { before: 120, after: 120 }, keepNext: true, alignment: s.titleAlign === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT },
      },
      heading1: heading(1, 2, 280, 120),
      heading2: heading(2, 3, 200, 80),
      heading3: heading(3, 3, 160, 60),
    },
    paragraphStyles: [
      { id: 'Subtitle', name: 'Subtitle', basedOn: 'Title', next: 'Normal', quickFormat: true, run: { size: halfPoints(s.heading[2]), language: LANG.en }, paragraph: { spacing: { before: 0, after: 160 } } },
      { id: 'BodyText', name: 'Body Text', basedOn: 'Normal', quickFormat: true, paragraph: { indent: { firstLine: twips(s.indent * s.font.size) } } },
      headingTranslation(1, s.heading[2] * 0.85, 120),
      headingTranslation(2, s.heading[3] * 0.9, 80),
      headingTranslation(3, s.font.size, 60),
      { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: halfPoints(s.small) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 60, after: 60 }, keepNext: true } },
      { id: 'Translation', name: 'Translation', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { color: hex(s.colour.translation), size: halfPoints(s.font.size * 0.92), language: LANG.en } },
      { id: 'TableText', name: 'Table Text', basedOn: 'Normal', quickFormat: true, run: { size: halfPoints(s.table.size) }, paragraph: { spacing: { before: 0, after: 0, line: Math.round(240 * s.table.lineHeight), lineRule: LineRuleType.AUTO }, indent: { firstLine: 0 } } },
      { id: 'TableSubText', name: 'Table Sub Text', basedOn: 'TableText', quickFormat: true, run: { color: hex(s.colour.subRow) } },
      { id: 'TableHeading', name: 'Table Heading', basedOn: 'TableText', quickFormat: true, run: { bold: true }, paragraph: { alignment: AlignmentType.CENTER } },
      { id: 'AnnexTableText', name: 'Annex Table Text', basedOn: 'TableText', quickFormat: true, run: { size: halfPoints(s.table.annexSize) } },
      { id: 'AnnexTableSubText', name: 'Annex Table Sub Text', basedOn: 'AnnexTableText', quickFormat: true, run: { color: hex(s.colour.subRow) } },
      { id: 'AnnexTableHeading', name: 'Annex Table Heading', basedOn: 'AnnexTableText', quickFormat: true, run: { bold: true }, paragraph: { alignment: AlignmentType.CENTER } },
      // Body text of the annex, indented by its own smaller characters (a list item's numbering sets its own indents).
      { id: 'AnnexTranslation', name: 'Annex Translation', basedOn: 'Translation', next: 'AnnexTranslation', quickFormat: true, run: { size: halfPoints(s.annex) }, paragraph: { spacing: { after: 60 } } },
      { id: 'AnnexText', name: 'Annex Text', basedOn: 'BodyText', next: 'AnnexText', quickFormat: true, run: { size: halfPoints(s.annex) }, paragraph: { spacing: { after: 60 }, indent: { firstLine: twips(s.indent * s.annex) } } },
      { id: 'Subheading', name: 'Subheading', basedOn: 'BodyText', next: 'BodyText', quickFormat: true, run: { bold: true }, paragraph: { keepNext: true, spacing: { before: 80, after: 60 } } },
      { id: 'Header', name: 'header', basedOn: 'Normal', run: { size: halfPoints(7.5), color: hex(s.colour.translation) }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } } },
      s.pageNumbers === 'dashes'
        ? { id: 'Footer', name: 'footer', basedOn: 'Normal', run: { size: halfPoints(s.pageNumberSize) }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } } }
        : { id: 'Footer', name: 'footer', basedOn: 'Normal', run: { size: halfPoints(7.5), color: hex(s.colour.translation) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } } },
    ],
    characterStyles: [
      { id: 'TranslationChar', name: 'Translation Char', basedOn: 'DefaultParagraphFont', run: { color: hex(s.colour.translation), language: LANG.en } },
      { id: 'NoteMark', name: 'Note Mark', basedOn: 'DefaultParagraphFont', run: { superScript: true } },
      { id: 'Strong', name: 'Strong', basedOn: 'DefaultParagraphFont', quickFormat: true, run: { bold: true } },
      status('StatusMet', 'Status Met', s.status['status-met']!),
      status('StatusNotMet', 'Status Not Met', s.status['status-not_met']!),
      status('StatusPending', 'Status Pending', s.status['status-pending']!),
      status('StatusQualitative', 'Status Qualitative', s.status['status-qualitative']!),
      status('StatusNotComparable', 'Status Not Comparable', s.status['status-not_comparable']!),
    ],
  };
}

const rule = (s: Style, side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${hex(s.colour.rule)}"/>`;
const noLine = (side: string) => `<w:${side} w:val="nil"/>`;

/** Word's Table Grid, and ours based on it: rules above, below and between rows, a shaded header row. */
function tableStylesXml(s: Style): string {
  const grid = '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>'
    + '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    + `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`).join('')}</w:tblBorders></w:tblPr></w:style>`;
  const ours = `<w:style w:type="table" w:customStyle="1" w:styleId="${TABLE_STYLE}"><w:name w:val="Briefing Table"/><w:basedOn w:val="TableGrid"/><w:uiPriority w:val="40"/><w:qFormat/>`
    + `<w:tblPr><w:tblBorders>${rule(s, 'top')}${noLine('left')}${rule(s, 'bottom')}${noLine('right')}${rule(s, 'insideH')}${noLine('insideV')}</w:tblBorders>`
    + '<w:tblCellMar><w:top w:w="20" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="20" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    + `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${hex(s.colour.headerFill)}"/></w:tcPr></w:tblStylePr></w:style>`;
  return grid + ours;
}

/**
 * Finishes styles.xml: the text colour on Normal, Word's own names for built-in styles (so Word treats them as its
 * Heading 1 or caption, not as look-alikes), compact TOC 1–2, and the table styles docx cannot write.
 */
export function finishStyles(xml: string, s: Style): string {
  const toc = (level: 1 | 2) => `<w:style w:type="paragraph" w:styleId="TOC${level}"><w:name w:val="toc ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>`
    + `<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${twips(contentWidthOf(s)) - 10}"/></w:tabs><w:spacing w:before="0" w:after="${level === 1 ? 20 : 0}" w:line="240" w:lineRule="auto"/>${level === 2 ? '<w:ind w:left="360"/>' : ''}</w:pPr>`
    + `<w:rPr><w:sz w:val="${halfPoints(s.small)}"/><w:szCs w:val="${halfPoints(s.small)}"/></w:rPr></w:style>`;
  return xml
    .replace('<w:name w:val="Normal"/><w:qFormat/></w:style>', `<w:name w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="${hex(s.colour.text)}"/></w:rPr></w:style>`)
    .replace(/(<w:style [^>]*w:styleId="Heading(\d)"[^>]*><w:name w:val=")Heading \d"/g, '$1heading $2"')
    .replace(/<w:style [^>]*w:styleId="TOC([12])"[^>]*>.*?<\/w:style>/g, (_, level: string) => toc(Number(level) as 1 | 2))
    .replace('</w:styles>', `${tableStylesXml(s)}</w:styles>`);
}
