// Writes a Word chart model as a DrawingML chart part (word/charts/chartN.xml) with its data cached from the workbook's cells.
import type { WordChart, WordSeries } from './map-spec.js';
import { CATEGORY_COLUMN, firstRow, lastRow, SHEET, seriesColumn } from './workbook.js';
import { xmlEscape } from './xml.js';

/** The plot area's inner box, as fractions of the chart's width and height. */
export interface PlotArea {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ChartStyle {
  /** The document's font: chart text uses it for Latin and East Asian script alike. */
  font: string;
  /** Points per spec unit: the spec's sizes are for a chart of its own width, Word shows it at the page's. */
  scale: number;
  /** c:lang, e.g. zh-CN. */
  lang: string;
  plot: PlotArea;
}

const AXIS_CAT = 111;
const AXIS_VAL = 222;

const hex = (colour: string) => {
  const c = colour.replace('#', '');
  return (c.length === 3 ? [...c].map((d) => d + d).join('') : c).toUpperCase();
};
/** A fill in a colour, lighter where an opacity below 1 lets the white behind it through. */
const solid = (colour: string, opacity = 1) => `<a:solidFill><a:srgbClr val="${hex(colour)}"${opacity < 1 ? `><a:alpha val="${Math.round(opacity * 100000)}"/></a:srgbClr>` : '/>'}</a:solidFill>`;
const line = (colour: string, widthEmu = 9525, dash?: string) => `<a:ln w="${widthEmu}">${solid(colour)}${dash && dash !== 'solid' ? `<a:prstDash val="${dash}"/>` : ''}</a:ln>`;
const NO_LINE = '<a:ln><a:noFill/></a:ln>';

function runProps(tag: 'a:defRPr' | 'a:rPr', style: ChartStyle, sizePt: number, colour: string, bold = false): string {
  const face = xmlEscape(style.font);
  return `<${tag} sz="${Math.round(sizePt * style.scale * 100)}" b="${bold ? 1 : 0}">${solid(colour)}<a:latin typeface="${face}"/><a:ea typeface="${face}"/><a:cs typeface="${face}"/></${tag}>`;
}

/** c:txPr: text properties for an element's labels. */
function textProps(style: ChartStyle, sizePt: number, colour: string, rotation = 0, fixed = false): string {
  return `<c:txPr><a:bodyPr${rotation || fixed ? ` rot="${rotation}" vert="horz" wrap="none"` : ''}/><a:lstStyle/><a:p><a:pPr>${runProps('a:defRPr', style, sizePt, colour)}</a:pPr><a:endParaRPr lang="${style.lang}"/></a:p></c:txPr>`;
}

/** Rich text, one paragraph per line. */
function rich(text: string, style: ChartStyle, sizePt: number, colour: string, bold: boolean, rotation = 0, align?: 'l'): string {
  const paragraphs = text.split('\n').map((l) => `<a:p><a:pPr${align ? ` algn="${align}"` : ''}>${runProps('a:defRPr', style, sizePt, colour, bold)}</a:pPr><a:r>${runProps('a:rPr', style, sizePt, colour, bold)}<a:t>${xmlEscape(l)}</a:t></a:r></a:p>`).join('');
  return `<c:rich><a:bodyPr${rotation ? ` rot="${rotation}" vert="horz"` : ''}/><a:lstStyle/>${paragraphs}</c:rich>`;
}

function title(text: string, style: ChartStyle, sizePt: number, colour: string, bold: boolean, rotation = 0, atStart = false): string {
  const place = atStart ? '<c:layout><c:manualLayout><c:xMode val="edge"/><c:yMode val="edge"/><c:x val="0.01"/><c:y val="0.01"/></c:manualLayout></c:layout>' : '';
  return `<c:title><c:tx>${rich(text, style, sizePt, colour, bold, rotation, atStart ? 'l' : undefined)}</c:tx>${place}<c:overlay val="0"/></c:title>`;
}

const range = (column: string, chart: WordChart) => `${SHEET}!$${column}$${firstRow}:$${column}$${lastRow(chart)}`;

function categoryRef(chart: WordChart): string {
  const points = chart.categories.map((l, i) => (l ? `<c:pt idx="${i}"><c:v>${xmlEscape(l)}</c:v></c:pt>` : '')).join('');
  return `<c:cat><c:strRef><c:f>${range(CATEGORY_COLUMN, chart)}</c:f><c:strCache><c:ptCount val="${chart.categories.length}"/>${points}</c:strCache></c:strRef></c:cat>`;
}

function valueRef(chart: WordChart, s: WordSeries, index: number): string {
  const points = s.values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:val><c:numRef><c:f>${range(seriesColumn(index), chart)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${s.values.length}"/>${points}</c:numCache></c:numRef></c:val>`;
}

const SHOW = (value: boolean) => `<c:showLegendKey val="0"/><c:showVal val="${value ? 1 : 0}"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>`;

function dataLabels(chart: WordChart, s: WordSeries, style: ChartStyle): string {
  const labels = s.labels;
  if (!labels || s.hidden || s.legendOnly) return '<c:dLbls><c:delete val="1"/></c:dLbls>';
  const common = (format: string) => `<c:numFmt formatCode="${xmlEscape(format)}" sourceLinked="0"/><c:spPr><a:noFill/>${NO_LINE}</c:spPr>${textProps(style, chart.text.dataLabel, labels.colour)}<c:dLblPos val="${chart.labelPosition}"/>`;
  const points = s.values.map((v, i) => {
    const custom = labels.texts?.[i];
    const format = labels.pointFormats?.[i];
    if (v === null) return '';
    if (labels.texts && custom === undefined) return `<c:dLbl><c:idx val="${i}"/><c:delete val="1"/></c:dLbl>`;
    if (custom !== undefined) return `<c:dLbl><c:idx val="${i}"/><c:tx>${rich(custom, style, chart.text.dataLabel, labels.colour, false)}</c:tx>${common(labels.format)}${SHOW(true)}</c:dLbl>`;
    if (format !== undefined) return `<c:dLbl><c:idx val="${i}"/>${common(format)}${SHOW(true)}</c:dLbl>`;
    return '';
  }).join('');
  return `<c:dLbls>${points}${common(labels.format)}${SHOW(true)}</c:dLbls>`;
}

function barSeries(chart: WordChart, s: WordSeries, index: number, style: ChartStyle): string {
  const fill = s.hidden ? '<a:noFill/>' : solid(s.colour, s.opacity);
  // A point's own fill: its own colour, or the series' colour lighter (an estimate).
  const points = s.values.map((_, i) => {
    const colour = s.pointColours?.[i];
    const opacity = s.pointOpacity?.[i];
    return colour === undefined && opacity === undefined ? '' : `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${solid(colour ?? s.colour, opacity)}${NO_LINE}</c:spPr></c:dPt>`;
  }).join('');
  return `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:strRef><c:f>${SHEET}!$${seriesColumn(index)}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${xmlEscape(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`
    + `<c:spPr>${fill}${NO_LINE}</c:spPr><c:invertIfNegative val="0"/>${points}${dataLabels(chart, s, style)}${categoryRef(chart)}${valueRef(chart, s, index)}</c:ser>`;
}

function lineSeries(chart: WordChart, s: WordSeries, index: number, style: ChartStyle): string {
  const marker = chart.line?.points ? `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${solid(s.colour)}${NO_LINE}</c:spPr></c:marker>` : '<c:marker><c:symbol val="none"/></c:marker>';
  return `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:strRef><c:f>${SHEET}!$${seriesColumn(index)}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${xmlEscape(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`
    + `<c:spPr>${line(s.colour, 22225, s.dash)}</c:spPr>${marker}${dataLabels(chart, s, style)}${categoryRef(chart)}${valueRef(chart, s, index)}<c:smooth val="0"/></c:ser>`;
}

function plot(chart: WordChart, style: ChartStyle): string {
  const axes = `<c:axId val="${AXIS_CAT}"/><c:axId val="${AXIS_VAL}"/>`;
  if (chart.type === 'line') {
    return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${chart.series.map((s, i) => lineSeries(chart, s, i, style)).join('')}<c:marker val="1"/>${axes}</c:lineChart>`;
  }
  // Word plots and lists series by c:order, whatever order they stand in; LibreOffice by the order they stand in, and it
  // lists the legend of horizontal bars that do not stack from the last series to the first. Written last first (each
  // keeping its c:order), such a legend reads in the series' order in both; each bar has its own slot (see map-spec).
  const written = chart.series.map((s, i) => barSeries(chart, s, i, style));
  if (chart.direction === 'bar' && chart.grouping === 'clustered') written.reverse();
  return `<c:barChart><c:barDir val="${chart.direction}"/><c:grouping val="${chart.grouping}"/><c:varyColors val="0"/>${written.join('')}`
    + `<c:gapWidth val="${Math.max(0, Math.min(500, chart.gapWidth))}"/><c:overlap val="${Math.max(-100, Math.min(100, chart.overlap))}"/>${axes}</c:barChart>`;
}

function axes(chart: WordChart, style: ChartStyle): string {
  const horizontal = chart.direction === 'bar';
  const { categoryAxis: cat, valueAxis: val } = chart;
  const labels = textProps(style, chart.text.label, chart.colours.text);
  // Level labels, all of them: without a fixed angle LibreOffice rotates or skips labels it finds crowded.
  const categoryLabels = textProps(style, chart.text.label, chart.colours.text, 0, true);
  const axisLine = `<c:spPr>${line(chart.colours.axis)}</c:spPr>`;
  const catAx = `<c:catAx><c:axId val="${AXIS_CAT}"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/>`
    + `${cat.title ? title(cat.title, style, chart.text.title, chart.colours.text, true, horizontal ? -5400000 : 0) : ''}<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`
    + `${axisLine}${categoryLabels}<c:crossAx val="${AXIS_VAL}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const scaling = `<c:scaling><c:orientation val="minMax"/>${val.max !== undefined ? `<c:max val="${val.max}"/>` : ''}${val.min !== undefined ? `<c:min val="${val.min}"/>` : ''}</c:scaling>`;
  // Horizontal bars list categories top down (reversed axis); the value axis then crosses at the last category, the bottom.
  const valAx = `<c:valAx><c:axId val="${AXIS_VAL}"/>${scaling}<c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines><c:spPr>${line(chart.colours.grid)}</c:spPr></c:majorGridlines>`
    + `${val.title ? title(val.title, style, chart.text.title, chart.colours.text, true, horizontal ? 0 : -5400000) : ''}<c:numFmt formatCode="${xmlEscape(val.format)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`
    + `<c:spPr>${NO_LINE}</c:spPr>${labels}<c:crossAx val="${AXIS_CAT}"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/>${val.majorUnit !== undefined ? `<c:majorUnit val="${val.majorUnit}"/>` : ''}</c:valAx>`;
  return catAx + valAx;
}

function legend(chart: WordChart, style: ChartStyle): string {
  if (!chart.legend) return '';
  const hidden = chart.series.map((s, i) => (s.hidden ? `<c:legendEntry><c:idx val="${i}"/><c:delete val="1"/></c:legendEntry>` : '')).join('');
  return `<c:legend><c:legendPos val="${chart.legend}"/>${hidden}<c:overlay val="0"/>${textProps(style, chart.text.legend, chart.colours.text)}</c:legend>`;
}

const fraction = (v: number) => Math.max(0, Math.min(1, v)).toFixed(4);
function layout(p: PlotArea): string {
  return `<c:layout><c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/><c:yMode val="edge"/><c:x val="${fraction(p.x)}"/><c:y val="${fraction(p.y)}"/><c:w val="${fraction(p.w)}"/><c:h val="${fraction(p.h)}"/></c:manualLayout></c:layout>`;
}

/** The chart part; its data comes from the embedded workbook (relationship rId1). */
export function chartXml(chart: WordChart, style: ChartStyle): string {
  const heading = chart.title
    ? `${title(chart.title.text, style, chart.text.chartTitle, chart.colours.text, chart.title.bold, 0, chart.title.anchor === 'start')}<c:autoTitleDeleted val="0"/>`
    : '<c:autoTitleDeleted val="1"/>';
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    + `<c:date1904 val="0"/><c:lang val="${style.lang}"/><c:roundedCorners val="0"/>`
    + `<c:chart>${heading}<c:plotArea>${layout(style.plot)}${plot(chart, style)}${axes(chart, style)}<c:spPr><a:noFill/>${NO_LINE}</c:spPr></c:plotArea>`
    + `${legend(chart, style)}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>`
    + `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>${NO_LINE}</c:spPr>${textProps(style, chart.text.label, chart.colours.text)}`
    + '<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>\n';
}
