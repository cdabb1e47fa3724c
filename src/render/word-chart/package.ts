// Adds native charts to a DOCX package: chart parts, embedded workbooks, relationships, content types and inline drawings.
import { strToU8, strFromU8 } from 'fflate';
import { chartXml, type ChartStyle } from './chart-xml.js';
import type { WordChart } from './map-spec.js';
import { workbookXlsx } from './workbook.js';
import { xmlEscape } from './xml.js';

/** A chart placed in the document: the model, its size on the page and its alternative text. */
export interface PlacedChart {
  chart: WordChart;
  widthPt: number;
  heightPt: number;
  description: string;
  style: ChartStyle;
}

/**
 * The name of the stand-in picture docx writes where a chart goes, at the chart's size (so that docx lays out the
 * pages, and numbers the table of contents, as they will be); replaced by the chart's drawing when the package is finished.
 */
export const chartPlaceholder = (id: string) => `word-chart:${id}`;

/** A 1×1 transparent PNG: the stand-in picture's data. */
export const PLACEHOLDER_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const EMU_PER_PT = 12700;
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const REL_PACKAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/package';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function drawing(placed: PlacedChart, relId: string, docPrId: number): string {
  const cx = Math.round(placed.widthPt * EMU_PER_PT);
  const cy = Math.round(placed.heightPt * EMU_PER_PT);
  return `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>`
    + `<wp:docPr id="${docPrId}" name="Chart ${docPrId}" descr="${xmlEscape(placed.description)}"/><wp:cNvGraphicFramePr/>`
    + '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
    + `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relId}"/>`
    + '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';
}

/** Writes every placed chart into the unzipped package, in place. A placeholder without its chart is an error. */
export function addCharts(entries: Record<string, Uint8Array>, charts: PlacedChart[], mtime: Date): void {
  if (charts.length === 0) return;
  let document = strFromU8(entries['word/document.xml']!);
  let rels = strFromU8(entries['word/_rels/document.xml.rels']!);
  let types = strFromU8(entries['[Content_Types].xml']!);
  const usedDocPr = [...document.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => Number(m[1]));
  let docPrId = Math.max(0, ...usedDocPr);
  const newRels: string[] = [];
  const overrides: string[] = [];
  for (const [i, placed] of charts.entries()) {
    const n = i + 1;
    const relId = `rIdChart${n}`;
    const workbook = `Microsoft_Excel_Worksheet${n}.xlsx`;
    entries[`word/charts/chart${n}.xml`] = strToU8(chartXml(placed.chart, placed.style));
    entries[`word/charts/_rels/chart${n}.xml.rels`] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + `<Relationship Id="rId1" Type="${REL_PACKAGE}" Target="../embeddings/${workbook}"/></Relationships>`);
    entries[`word/embeddings/${workbook}`] = workbookXlsx(placed.chart, mtime);
    newRels.push(`<Relationship Id="${relId}" Type="${REL_CHART}" Target="charts/chart${n}.xml"/>`);
    overrides.push(`<Override ContentType="${CHART_TYPE}" PartName="/word/charts/chart${n}.xml"/>`);
    const placeholder = new RegExp(`<w:r>(?:(?!</w:r>).)*?<wp:docPr [^>]*name="${escapeRegExp(chartPlaceholder(placed.chart.id))}"(?:(?!</w:r>).)*?</w:r>`);
    if (!placeholder.test(document)) throw new Error(`no place for chart ${placed.chart.id} in the document`);
    const chartRun = drawing(placed, relId, ++docPrId);
    document = document.replace(placeholder, () => chartRun);
  }
  // The stand-in pictures are gone from the document: drop their relationships and files.
  rels = rels.replace(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="(media\/[^"]+)"[^>]*\/>/g, (rel, id: string, target: string) => {
    if (document.includes(`r:embed="${id}"`)) return rel;
    delete entries[`word/${target}`];
    return '';
  });
  rels = rels.replace('</Relationships>', `${newRels.join('')}</Relationships>`);
  const xlsxDefault = types.includes('Extension="xlsx"') ? '' : `<Default ContentType="${XLSX_TYPE}" Extension="xlsx"/>`;
  types = types.replace('</Types>', `${xlsxDefault}${overrides.join('')}</Types>`);
  entries['word/document.xml'] = strToU8(document);
  entries['word/_rels/document.xml.rels'] = strToU8(rels);
  entries['[Content_Types].xml'] = strToU8(types);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
