// The choices a document is made in: language mode, file format, and how a DOCX shows charts (cheap to import).

export type LangMode = 'zh' | 'en' | 'zh-en';
export const LANG_MODES: readonly LangMode[] = ['zh', 'en', 'zh-en'];

export type Format = 'pdf' | 'docx';
export const FORMATS: readonly Format[] = ['pdf', 'docx'];

/** How a DOCX shows charts: native Word charts (editable, with their data) or pictures. */
export type DocxCharts = 'native' | 'image';
export const DOCX_CHARTS: readonly DocxCharts[] = ['native', 'image'];
