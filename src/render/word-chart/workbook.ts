// The workbook embedded with a Word chart ("Edit Data"): one sheet holding exactly the chart's categories and series.
import { strToU8, zipSync } from 'fflate';
import type { WordChart } from './map-spec.js';
import { xmlEscape } from './xml.js';

export const SHEET = 'Sheet1';

/** The sheet's layout: categories in column A, one column per series; row 1 names the series. */
export const CATEGORY_COLUMN = 'A';
export const seriesColumn = (series: number) => columnName(1 + series);
export const firstRow = 2;
export const lastRow = (chart: WordChart) => chart.categories.length + 1;

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export type Cell = string | number | undefined;

/** The sheet as rows of cells: what the workbook holds and what the chart caches. */
export function sheetRows(chart: WordChart): Cell[][] {
  return [
    [undefined, ...chart.series.map((s) => s.name)],
    ...chart.categories.map((c, i) => [c || undefined, ...chart.series.map((s) => s.values[i] ?? undefined)]),
  ];
}

function cell(value: Cell, ref: string): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(value)}</t></is></c>`;
}

function sheetXml(rows: Cell[][]): string {
  const body = rows.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(v, `${columnName(c)}${r + 1}`)).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
  + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
  + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
  + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>';
const ROOT_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
  + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
  + `<sheets><sheet name="${SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
  + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
  + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';
const STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
  + '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** A minimal .xlsx with the chart's data; fixed entry times so the DOCX stays byte-identical. */
export function workbookXlsx(chart: WordChart, mtime: Date): Uint8Array {
  const part = (xml: string): [Uint8Array, { mtime: Date; level: 6 }] => [strToU8(xml), { mtime, level: 6 }];
  return zipSync({
    '[Content_Types].xml': part(CONTENT_TYPES),
    '_rels/.rels': part(ROOT_RELS),
    'xl/workbook.xml': part(WORKBOOK),
    'xl/_rels/workbook.xml.rels': part(WORKBOOK_RELS),
    'xl/styles.xml': part(STYLES),
    'xl/worksheets/sheet1.xml': part(sheetXml(sheetRows(chart))),
  });
}
