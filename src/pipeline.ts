// The district briefing pipeline: Dataset → Findings → IR (per language mode) → charts → PDF and DOCX.
import { join } from 'node:path';
import { analyseBriefing } from './analyse/briefing.js';
import { briefingCharts } from './charts/specs.js';
import { renderChart, type RenderedChart } from './charts/render-chart.js';
import { composeBriefing, composeDocument, type LangMode } from './compose/compose.js';
import { memoView } from './compose/memo-view.js';
import { analyseComparison } from './analyse/compare.js';
import { comparisonCharts } from './charts/compare-specs.js';
import { loadMessages, message, type Messages } from './compose/messages-i18n.js';
import type { Dataset, Lang, SourceDocument } from './data/types.js';
import type { TopLevelSpec } from 'vega-lite';
import { resolveEdition, type EditionInfo } from './analyse/corrections.js';
import type { BriefingReport } from './analyse/briefing.js';
import type { ComparisonFindings } from './analyse/compare.js';
import { outputPath } from './contained-path.js';
import { DiagnosticError, fail } from './diagnostics.js';
import { checkGlyphs, type FontSet } from './fonts/fonts.js';
import { textsOf, type DocumentIR } from './ir/types.js';
import type { DocxCharts } from './output-options.js';
import type { Style } from './render/style.js';
import { fitTableWidths } from './render/column-widths.js';

import type { Format } from './output-options.js';
export { FORMATS, type Format } from './output-options.js';

/** What every document request says: year, languages, formats, where, and the edition it is (from the edition writer). */
export interface DocumentRequest {
  year: number;
  langs: LangMode[];
  formats: Format[];
  outDir: string;
  date?: string;
  edition?: EditionInfo;
}

export interface BriefingRequest extends DocumentRequest {
  district: string;
}

export interface Workspace {
  data: Dataset;
  fonts: FontSet;
  templatesDir: string;
  /** The style the documents are set in (styles.yaml); default: the default style. */
  style?: Style;
}

export interface RenderedFile {
  path: string;
  data: Buffer;
}

/** Predictable output names: <district>-<year>-briefing.<lang>.<format>. */
export function briefingFileName(district: string, year: number, lang: LangMode, format: Format): string {
  return `${district}-${year}-briefing.${lang}.${format}`;
}

/** Years a briefing can report on: those with published results for the district. */
/**
 * The years a district's briefing can report on: for each of its source documents, the year most of the results it
 * gives are of (a report's own year, a five-year plan's review year). A year a report only mentions in passing, such
 * as last year's figure for one indicator, has too few results to be briefed on.
 */
export function yearsWithData(data: Dataset, district: string): number[] {
  const byDocument = new Map<string, Map<number, number>>();
  for (const o of data.observations) {
    if (o.district !== district || o.kind !== 'result') continue;
    const years = byDocument.get(o.source.doc) ?? new Map<number, number>();
    byDocument.set(o.source.doc, years.set(o.year, (years.get(o.year) ?? 0) + 1));
  }
  const reported = [...byDocument.values()].map((years) => [...years].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0]);
  return [...new Set(reported)].sort();
}

export function checkRequest(data: Dataset, district: string, year: number): void {
  if (!data.districts.has(district)) fail('unknownDistrictArg', undefined, district, [...data.districts.keys()].join(', '));
  const years = yearsWithData(data, district);
  if (!years.includes(year)) fail('noDataForYear', undefined, district, year, years.join(', '));
}

/** The date a document carries: given, else SOURCE_DATE_EPOCH, else the newest source document's date. */
export function documentDate(documents: Pick<SourceDocument, 'date'>[], given?: string): string {
  if (given) return given;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  return documents.map((d) => d.date).sort().at(-1) ?? '1970-01-01';
}

export interface ComposedDocument {
  lang: LangMode;
  ir: DocumentIR;
  charts: Map<string, RenderedChart>;
  pageLabel: string;
}

/** A document to build: how to compose it and its charts in a language mode, and what to call its files. */
export interface DocumentPlan {
  name: string;
  /** `figures`: the charts the document has (a figure of any other is left out); all when not given. */
  compose(mode: LangMode, messages: Record<Lang, Messages>, figures?: ReadonlySet<string>): DocumentIR;
  charts(mode: LangMode, messages: Record<Lang, Messages>): Map<string, TopLevelSpec>;
  fileName(mode: LangMode, format: Format): string;
}

export async function composeAll(ws: Workspace, plan: DocumentPlan, modes: LangMode[]): Promise<ComposedDocument[]> {
  const messages = { zh: loadMessages(ws.templatesDir, 'zh'), en: loadMessages(ws.templatesDir, 'en') };
  const out: ComposedDocument[] = [];
  for (const lang of modes) {
    const specs = plan.charts(lang, messages);
    const ir = fitTableWidths(plan.compose(lang, messages, new Set(specs.keys())), ws.fonts, ws.style);
    const charts = new Map<string, RenderedChart>();
    for (const [id, spec] of specs) charts.set(id, await renderChart(spec, ws.fonts));
    const langs: Lang[] = lang === 'zh-en' ? ['zh', 'en'] : [lang];
    const pageLabel = langs.map((l) => message(messages[l], 'page', l)).join(' / ');
    const texts = [...textsOf(ir.blocks)].map(({ text, path }) => ({ text, place: { file: `${plan.name} ${lang} document`, field: path } }));
    const chartTexts = [...charts].flatMap(([id, c]) => [...c.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => ({ text: m[1]!, place: { file: `chart ${id} (${lang})` } })));
    const problems = checkGlyphs(ws.fonts, [...texts, ...chartTexts, { text: ir.meta.header + pageLabel, place: { file: 'templates/i18n' } }]);
    if (problems.length > 0) throw new DiagnosticError(problems);
    out.push({ lang, ir, charts, pageLabel });
  }
  return out;
}

/** Renders a planned document in every requested mode and format, in memory; nothing is written here. */
export async function renderPlan(ws: Workspace, plan: DocumentPlan, modes: LangMode[], formats: Format[], outDir: string, docxCharts: DocxCharts = 'native'): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  for (const composed of await composeAll(ws, plan, modes)) {
    for (const format of formats) {
      // Each renderer is loaded only when its format is asked for: a PDF alone does not load docx.
      const data = format === 'pdf'
        ? await import('./render/figure-placement.js').then(({ renderPdfPlaced }) => renderPdfPlaced(composed, ws.fonts, ws.style))
        : await import('./render/docx.js').then(({ renderDocx }) => renderDocx(composed, ws.fonts, docxCharts, ws.style));
      files.push({ path: outputPath(outDir, plan.fileName(composed.lang, format)), data });
    }
  }
  return files;
}

/** The analysis of a briefing: its findings among the other districts with data for the year, and its edition. */
export function briefingReport(ws: Pick<Workspace, 'data'>, request: { district: string; year: number; edition?: EditionInfo }): BriefingReport {
  checkRequest(ws.data, request.district, request.year);
  const peerIds = [...ws.data.districts.keys()].filter((d) => d !== request.district && yearsWithData(ws.data, d).includes(request.year));
  return analyseBriefing(ws.data, request.district, request.year, peerIds, request.edition);
}

export function briefingPlan(ws: Workspace, request: BriefingRequest): DocumentPlan {
  const report = briefingReport(ws, request);
  const options = { templatesDir: ws.templatesDir, date: documentDate(report.findings.documents, request.date), revision: request.edition?.edition ?? 1 };
  return {
    name: `${request.district}-${request.year}`,
    compose: (mode, _messages, figures) => composeBriefing(report, mode, { ...options, figures }),
    charts: (mode, messages) => briefingCharts(report, mode, messages),
    fileName: (mode, format) => briefingFileName(request.district, request.year, mode, format),
  };
}

/** Builds the requested briefing files in memory; nothing is written here. */
export function renderBriefing(ws: Workspace, request: BriefingRequest): Promise<RenderedFile[]> {
  return renderPlan(ws, briefingPlan(ws, request), request.langs, request.formats, request.outDir);
}

/** Predictable memo names: compare-<district ids, sorted>-<year>.<lang>.<format>. */
export function comparisonFileName(districts: string[], year: number, lang: LangMode, format: Format): string {
  return `compare-${[...districts].sort().join('-')}-${year}.${lang}.${format}`;
}

export interface ComparisonRequest extends DocumentRequest {
  districts: string[];
}

/** The analysis of a comparison: the districts' findings side by side. */
export function comparisonFindings(ws: Pick<Workspace, 'data'>, request: { districts: string[]; year: number }): ComparisonFindings {
  const districts = [...new Set(request.districts)];
  for (const d of districts) if (!ws.data.districts.has(d)) fail('unknownDistrictArg', undefined, d, [...ws.data.districts.keys()].join(', '));
  if (districts.length < 2) fail('tooFewDistricts', undefined, districts.length);
  for (const d of districts) checkRequest(ws.data, d, request.year);
  const findings = analyseComparison(ws.data, districts, request.year);
  if (findings.rows.length === 0) fail('noSharedIndicator', undefined, districts.join(', '), request.year);
  return findings;
}

export function comparisonPlan(ws: Workspace, request: ComparisonRequest): DocumentPlan {
  const districts = [...new Set(request.districts)];
  const findings = comparisonFindings(ws, request);
  const edition = resolveEdition(ws.data, request.edition);
  const options = { templatesDir: ws.templatesDir, date: documentDate(findings.documents, request.date), revision: edition.edition, edition };
  return {
    name: `compare-${districts.join('-')}-${request.year}`,
    compose: (mode, _messages, figures) => composeDocument(
      { file: 'comparison-memo.md.hbs', view: (lang, messages) => memoView(findings, lang, messages, options), titleKey: 'memo.title', headerKey: 'memoHeader' },
      mode,
      { ...options, figures },
    ),
    charts: (mode, messages) => comparisonCharts(findings, mode, messages),
    fileName: (mode, format) => comparisonFileName(districts, request.year, mode, format),
  };
}
