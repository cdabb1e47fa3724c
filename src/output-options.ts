// The choices of the command line: a document's language mode, file format and charts; the data tables and their formats (cheap to import).

export type LangMode = 'zh' | 'en' | 'zh-en';
export const LANG_MODES: readonly LangMode[] = ['zh', 'en', 'zh-en'];

export type Format = 'pdf' | 'docx';
export const FORMATS: readonly Format[] = ['pdf', 'docx'];

/** How a DOCX shows charts: native Word charts (editable, with their data) or pictures. */
export type DocxCharts = 'native' | 'image';
export const DOCX_CHARTS: readonly DocxCharts[] = ['native', 'image'];

/** The data tables. */
export const TABLES = ['observations', 'projects'] as const;
export type Table = (typeof TABLES)[number];

/** The formats a table is written in (export, import drafts). */
export const TABLE_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];
