// The district briefing pipeline: Dataset → Findings → IR (per language mode) → charts → PDF and DOCX.
import { join } from 'node:path';
import { analyseDistrictYear, type BriefingFindings } from './analyse/findings.js';
import { briefingCharts } from './charts/specs.js';
import { renderChart, type RenderedChart } from './charts/render-chart.js';
import { composeBriefing, type LangMode } from './compose/compose.js';
import { loadMessages, message } from './compose/messages-i18n.js';
import type { Dataset, Lang } from './data/types.js';
import { DiagnosticError, fail } from './diagnostics.js';
import { checkGlyphs, type FontSet } from './fonts/fonts.js';
import { textsOf, type DocumentIR } from './ir/types.js';
import { renderDocx } from './render/docx.js';
import { pdfDefinition, renderPdf } from './render/pdf.js';

export type Format = 'pdf' | 'docx';
export const FORMATS: readonly Format[] = ['pdf', 'docx'];

export interface BriefingRequest {
  district: string;
  year: number;
  langs: LangMode[];
  formats: Format[];
  outDir: string;
  date?: string;
  revision?: number;
}

export interface Workspace {
  data: Dataset;
  fonts: FontSet;
  templatesDir: string;
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
export function yearsWithData(data: Dataset, district: string): number[] {
  return [...new Set(data.observations.filter((o) => o.district === district && o.kind === 'result').map((o) => o.year))].sort();
}

export function checkRequest(data: Dataset, district: string, year: number): void {
  if (!data.districts.has(district)) fail('unknownDistrictArg', undefined, district, [...data.districts.keys()].join(', '));
  const years = yearsWithData(data, district);
  if (!years.includes(year)) fail('noDataForYear', undefined, district, year, years.join(', '));
}

/** The date a document carries: given, else SOURCE_DATE_EPOCH, else the newest source document's date. */
export function documentDate(findings: BriefingFindings, given?: string): string {
  if (given) return given;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  return findings.documents.map((d) => d.date).sort().at(-1) ?? '1970-01-01';
}

export interface ComposedBriefing {
  lang: LangMode;
  ir: DocumentIR;
  charts: Map<string, RenderedChart>;
  pageLabel: string;
}

export async function composeAll(ws: Workspace, findings: BriefingFindings, request: BriefingRequest): Promise<ComposedBriefing[]> {
  const messages = { zh: loadMessages(ws.templatesDir, 'zh'), en: loadMessages(ws.templatesDir, 'en') };
  const date = documentDate(findings, request.date);
  const out: ComposedBriefing[] = [];
  for (const lang of request.langs) {
    const ir = composeBriefing(ws.data, findings, lang, { templatesDir: ws.templatesDir, date, revision: request.revision ?? 1 });
    const charts = new Map<string, RenderedChart>();
    for (const [id, spec] of briefingCharts(findings, lang, messages)) charts.set(id, await renderChart(spec, ws.fonts));
    const langs: Lang[] = lang === 'zh-en' ? ['zh', 'en'] : [lang];
    const pageLabel = langs.map((l) => message(messages[l], 'page', l)).join(' / ');
    const texts = [...textsOf(ir.blocks)].map(({ text, path }) => ({ text, place: { file: `${request.district}-${request.year} ${lang} document`, field: path } }));
    const chartTexts = [...charts].flatMap(([id, c]) => [...c.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => ({ text: m[1]!, place: { file: `chart ${id} (${lang})` } })));
    const problems = checkGlyphs(ws.fonts, [...texts, ...chartTexts, { text: ir.meta.header + pageLabel, place: { file: 'templates/i18n' } }]);
    if (problems.length > 0) throw new DiagnosticError(problems);
    out.push({ lang, ir, charts, pageLabel });
  }
  return out;
}

/** Builds the requested briefing files in memory; nothing is written here. */
export async function renderBriefing(ws: Workspace, request: BriefingRequest): Promise<RenderedFile[]> {
  checkRequest(ws.data, request.district, request.year);
  const findings = analyseDistrictYear(ws.data, request.district, request.year);
  const files: RenderedFile[] = [];
  for (const composed of await composeAll(ws, findings, request)) {
    for (const format of request.formats) {
      const data = format === 'pdf'
        ? await renderPdf(pdfDefinition(composed), ws.fonts)
        : await renderDocx(composed, ws.fonts);
      files.push({ path: join(request.outDir, briefingFileName(request.district, request.year, composed.lang, format)), data });
    }
  }
  return files;
}
