// The style sheets both renderers share (sizes in points, colours as hex): the default and the GB/T 9704-2012 preset.

/** Font families by role; each must be one the fonts folder or a font package provides (src/fonts/fonts.ts). */
export interface StyleFonts {
  body: string;
  /** The document title (the first level-1 heading). */
  title: string;
  /** Headings by IR depth: 2 = sections (一、), 3 = annexes and sub-sections. */
  heading: { 1: string; 2: string; 3: string };
}

export interface Style {
  name: string;
  page: { width: number; height: number; margin: { top: number; right: number; bottom: number; left: number } };
  /** Body size, and line pitch in ems (baseline to baseline, as a multiple of the font size). */
  font: { size: number; lineHeight: number };
  /** Heading sizes by IR depth (1 is the title). */
  heading: { 1: number; 2: number; 3: number };
  /** Whether headings by IR depth are bold (a 黑体 or 楷体 heading is not). */
  headingBold: { 1: boolean; 2: boolean; 3: boolean };
  /** Captions, notes, the table of contents. */
  small: number;
  /**
   * Table text in the body, and the denser tables of the annex (附件); their line height is a multiple of the face's
   * own line (NATURAL_LINE), as pdfmake and Word take it.
   */
  table: { size: number; annexSize: number; lineHeight: number };
  /** Notes and lists in the annex. */
  annex: number;
  fonts: StyleFonts;
  /** First-line indent of body paragraphs, in ems (two characters in Chinese official documents). */
  indent: number;
  titleAlign: 'left' | 'center';
  /** The running header on pages after the first. */
  runningHeader: boolean;
  /** Page numbers: the document's "page N of M" label centred, or "— N —" at the outer edge. */
  pageNumbers: 'label' | 'dashes';
  pageNumberSize: number;
  colour: { text: string; translation: string; rule: string; headerFill: string; subRow: string; accent: string };
  status: Record<string, string>;
}

const SANS = 'Noto Sans SC';
const SERIF = 'Noto Serif SC';
const KAI = 'LXGW WenKai';
const mm = (v: number) => (v * 72) / 25.4;

const STATUS = { 'status-met': '#2e7d32', 'status-not_met': '#c62828', 'status-pending': '#757575', 'status-qualitative': '#6d4c41', 'status-not_comparable': '#b26a00' };

/** The default: light, sans-serif, compact, coloured headings. */
export const DEFAULT_STYLE: Style = {
  name: 'default',
  page: { width: 595.28, height: 841.89, margin: { top: 64, right: 52, bottom: 56, left: 52 } },
  font: { size: 9.5, lineHeight: 1.5 },
  heading: { 1: 20, 2: 13, 3: 11 },
  headingBold: { 1: true, 2: true, 3: true },
  small: 8.5,
  table: { size: 8.5, annexSize: 7.5, lineHeight: 0.92 },
  annex: 7.5,
  fonts: { body: SANS, title: SANS, heading: { 1: SANS, 2: SANS, 3: SANS } },
  indent: 0,
  titleAlign: 'left',
  runningHeader: true,
  pageNumbers: 'label',
  pageNumberSize: 7.5,
  colour: { text: '#1a1a1a', translation: '#555555', rule: '#b0b0b0', headerFill: '#e8edf3', subRow: '#444444', accent: '#1f4e79' },
  status: STATUS,
};

/**
 * GB/T 9704-2012 (党政机关公文格式): A4, 37 mm top and 28 mm binding margins, a 156 × 225 mm type area of 22 lines;
 * title 2号 (22 pt) 小标宋, body 3号 (16 pt) 仿宋, first-level headings 3号 黑体, second-level 3号 楷体, black text,
 * paragraphs indented two characters, "— 1 —" page numbers in 4号 at the outer edge. Open stand-ins: Noto Serif SC
 * (宋体, also for 仿宋), Noto Sans SC (黑体), LXGW WenKai (楷体) when the fonts folder has it, else Noto Serif SC.
 * Tables and notes in 五号 (10.5 pt): a 3号 table of forty rows would not be read; the annex's tables in 小五 (9 pt),
 * its notes and lists in 五号.
 */
export const GBT9704_STYLE: Style = {
  name: 'gbt9704',
  page: { width: 595.28, height: 841.89, margin: { top: mm(37), right: mm(210 - 28 - 156), bottom: mm(297 - 37 - 225), left: mm(28) } },
  font: { size: 16, lineHeight: mm(225) / 22 / 16 },
  heading: { 1: 22, 2: 16, 3: 16 },
  headingBold: { 1: true, 2: false, 3: false },
  small: 10.5,
  table: { size: 10.5, annexSize: 9, lineHeight: 1 },
  annex: 10.5,
  fonts: { body: SERIF, title: SERIF, heading: { 1: SERIF, 2: SANS, 3: KAI } },
  indent: 2,
  titleAlign: 'center',
  runningHeader: false,
  pageNumbers: 'dashes',
  pageNumberSize: 14,
  colour: { text: '#000000', translation: '#333333', rule: '#000000', headerFill: '#f2f2f2', subRow: '#333333', accent: '#000000' },
  // Official documents print in black: the status words say met or not met without colour.
  status: Object.fromEntries(Object.keys(STATUS).map((k) => [k, '#000000'])),
};

export const PRESETS: Record<string, Style> = { default: DEFAULT_STYLE, gbt9704: GBT9704_STYLE };

export const contentWidthOf = (style: Style) => style.page.width - style.page.margin.left - style.page.margin.right;

/** The width a table's columns share for their text: the content width less each cell's padding and rule. */
export const tableTextWidth = (style: Style, columns: number) => contentWidthOf(style) - columns * 8.5;

/** How far a sub-row's label stands in from its parent's. */
export const SUB_ROW_INDENT = 8;

/** Every font family a style uses. */
export const familiesOf = (style: Style) => [...new Set([style.fonts.body, style.fonts.title, ...Object.values(style.fonts.heading)])];

/**
 * Line height of the CJK faces as pdfmake and Word set "single" spacing: ascent + descent of Noto Sans SC (1.448 em;
 * Noto Serif SC 1.437). A style's line pitch in ems divided by it is the multiple both renderers take.
 */
export const NATURAL_LINE = 1.448;
export const lineMultiple = (style: Style) => style.font.lineHeight / NATURAL_LINE;
