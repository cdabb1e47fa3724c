// Maps a Vega-Lite chart spec to a native Word chart model; anything it does not map is an error naming chart and feature.
import { DiagnosticError, diagnostic } from '../../diagnostics.js';

/** One series of a Word chart: its values per category, colours and data labels. */
export interface WordSeries {
  name: string;
  colour: string;
  values: (number | null)[];
  /** A colour per point where the spec colours bars one by one (undefined: the series colour). */
  pointColours?: (string | undefined)[];
  /** An opacity per point where the spec draws some bars lighter, e.g. estimates (undefined: opaque). */
  pointOpacity?: (number | undefined)[];
  /** The series' own opacity (a legend entry for lighter bars). */
  opacity?: number;
  /** No values: only a legend entry, e.g. "预计数 / estimate" for the lighter bars of every series. */
  legendOnly?: boolean;
  /** Data labels: the value in a number format (per point where they differ), or a text per point where the spec's label is not the value. */
  labels?: { format: string; pointFormats?: (string | undefined)[]; texts?: (string | undefined)[]; colour: string };
  /** Drawn without fill and left out of the legend: the base a floating (range) bar stands on. */
  hidden?: boolean;
  /** Dash pattern of a line (DrawingML a:prstDash). */
  dash?: 'solid' | 'dash' | 'sysDot';
}

export interface WordChart {
  /** The chart's id in the document, for messages. */
  id: string;
  /** The spec's title (the finding), its lines, where it stands and whether bold. */
  title?: { text: string; anchor: 'start' | 'middle'; bold: boolean };
  type: 'bar' | 'line';
  /** bar: horizontal bars; col: vertical columns. */
  direction: 'bar' | 'col';
  grouping: 'clustered' | 'stacked' | 'standard';
  gapWidth: number;
  overlap: number;
  /** The category labels, one per bar slot ('' for a bar of a group that is labelled once, and for the gap between groups). */
  categories: string[];
  series: WordSeries[];
  categoryAxis: { title?: string };
  valueAxis: { title?: string; format: string; majorUnit?: number; min?: number; max?: number };
  legend?: 'b' | 't' | 'r' | 'l';
  /** Sizes in points, before scaling to the page. */
  text: { label: number; title: number; legend: number; dataLabel: number; chartTitle: number };
  colours: { text: string; grid: string; axis: string };
  /** Labels sit at the bar's end (outside) or in its middle. */
  labelPosition: 'outEnd' | 'ctr' | 't' | 'r';
  line?: { points: boolean };
}

type Row = Record<string, unknown>;
type Json = Record<string, unknown>;

/** vega's default colour scheme (tableau10) and bar colour, for specs that name no colours. */
const TABLEAU10 = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];

class Unmapped {
  readonly problems: string[] = [];
  constructor(readonly chart: string) {}
  add(feature: string): void {
    if (!this.problems.includes(feature)) this.problems.push(feature);
  }
  /** Every key of an object outside the ones mapped is a problem. */
  keys(where: string, object: unknown, allowed: readonly string[]): void {
    if (object === undefined || object === null) return;
    if (typeof object !== 'object' || Array.isArray(object)) return this.add(`${where} (${JSON.stringify(object)})`);
    for (const key of Object.keys(object)) if (!allowed.includes(key)) this.add(`${where}.${key}`);
  }
  throwIfAny(): void {
    if (this.problems.length > 0) {
      throw new DiagnosticError(this.problems.map((p) => diagnostic('error', 'unmappedChartFeature', { file: `chart ${this.chart}` }, p)));
    }
  }
}

const object = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

const TOP_KEYS = ['$schema', 'width', 'height', 'autosize', 'background', 'config', 'data', 'encoding', 'layer', 'mark', 'title', 'padding', 'description'];
const CONFIG_KEYS = ['font', 'aria', 'view', 'axis', 'legend', 'title', 'bar', 'text', 'line', 'point'];
const CONFIG_AXIS_KEYS = ['labelFontSize', 'titleFontSize', 'labelColor', 'titleColor', 'gridColor', 'domainColor', 'tickColor', 'labelFont', 'titleFont', 'titleFontWeight'];
const CONFIG_LEGEND_KEYS = ['labelFontSize', 'titleFontSize', 'orient', 'direction', 'labelLimit', 'columns', 'symbolType', 'labelColor'];
const CONFIG_TITLE_KEYS = ['fontSize', 'anchor', 'fontWeight', 'color', 'offset', 'subtitleFontSize', 'subtitleColor', 'limit'];
const LAYER_KEYS = ['mark', 'encoding'];
const BAR_MARK_KEYS = ['type', 'height', 'width', 'cornerRadiusEnd'];
const LINE_MARK_KEYS = ['type', 'point', 'strokeWidth', 'interpolate'];
const TEXT_MARK_KEYS = ['type', 'align', 'baseline', 'dx', 'dy', 'fontSize', 'fontWeight', 'color'];
const CHANNEL_KEYS = ['field', 'type', 'sort', 'title', 'axis', 'scale', 'stack', 'aggregate', 'legend', 'format'];
const AXIS_KEYS = ['labelExpr', 'labelLimit', 'title', 'format', 'tickMinStep', 'labelAngle', 'grid'];
const LEGEND_KEYS = ['labelExpr', 'columns', 'title', 'orient', 'labelLimit', 'values', 'symbolFillColor'];
// clamp: Word draws a bar beyond a fixed axis end to the end, as vega's clamped scale does.
const SCALE_KEYS = ['domain', 'range', 'zero', 'nice', 'clamp'];

/** Label expressions the mapping understands: the projects' own two-line split, and joining lines with a space. */
const LABEL_EXPRESSIONS: Record<string, (s: string) => string> = {
  "split(datum.label, '\\n')": (s) => s,
  "replace(datum.label, '\\n', ' ')": (s) => s.replace(/\n/g, ' '),
};

/** d3-format specifiers the charts use, as Excel number formats. */
const NUMBER_FORMATS: Record<string, string> = { d: '0', '.0f': '0', '.1f': '0.0', '.2f': '0.00', ',': '#,##0', ',d': '#,##0', '.0%': '0%', '.1%': '0.0%', '%': '0%' };

interface Channel {
  field: string;
  type: string;
  def: Json;
}

function channel(u: Unmapped, name: string, def: unknown): Channel | undefined {
  if (def === undefined) return undefined;
  const d = object(def);
  u.keys(`encoding.${name}`, d, CHANNEL_KEYS);
  if (typeof d.field !== 'string') {
    u.add(`encoding.${name} without a field`);
    return undefined;
  }
  u.keys(`encoding.${name}.axis`, d.axis, AXIS_KEYS);
  u.keys(`encoding.${name}.legend`, d.legend, LEGEND_KEYS);
  u.keys(`encoding.${name}.scale`, d.scale, SCALE_KEYS);
  return { field: d.field, type: text(d.type), def: d };
}

/** The order of a nominal field's values: an explicit sort list, data order (sort null), else ascending. */
function order(u: Unmapped, where: string, c: Channel, rows: Row[]): string[] {
  const seen = [...new Set(rows.map((r) => text(r[c.field])))];
  const sort = c.def.sort;
  if (Array.isArray(sort)) {
    const listed = sort.map(text).filter((v) => seen.includes(v));
    return [...listed, ...seen.filter((v) => !listed.includes(v)).sort()];
  }
  if (sort === null) return seen;
  if (sort === undefined || sort === 'ascending') return [...seen].sort();
  if (sort === 'descending') return [...seen].sort().reverse();
  u.add(`${where}.sort ${JSON.stringify(sort)}`);
  return seen;
}

function labelExpr(u: Unmapped, where: string, expr: unknown): (s: string) => string {
  if (expr === undefined) return (s) => s;
  const fn = LABEL_EXPRESSIONS[text(expr)];
  if (!fn) u.add(`${where}.labelExpr ${JSON.stringify(expr)}`);
  return fn ?? ((s) => s);
}

function numberFormat(u: Unmapped, where: string, format: unknown): string {
  if (format === undefined) return 'General';
  const f = NUMBER_FORMATS[text(format)];
  if (!f) u.add(`${where}.format "${text(format)}"`);
  return f ?? 'General';
}

/** The title of an axis: as the spec gives it, none for null, else vega-lite's default (the field, "Sum of" it when summed). */
function axisTitle(c: Channel): string | undefined {
  const axis = object(c.def.axis);
  const title = 'title' in c.def ? c.def.title : axis.title;
  if (title === null) return undefined;
  if (title !== undefined) return Array.isArray(title) ? title.map(text).join('\n') : text(title);
  return c.def.aggregate === 'sum' ? `Sum of ${c.field}` : c.field;
}

/** Colours of a colour channel's values: the scale's domain and range, else vega's default scheme in sort order. */
function colourOf(c: Channel | undefined, values: string[]): (value: string) => string {
  const scale = object(c?.def.scale);
  const domain = Array.isArray(scale.domain) ? scale.domain.map(text) : values;
  const range = Array.isArray(scale.range) ? scale.range.map(text) : TABLEAU10;
  return (value) => range[Math.max(0, domain.indexOf(value)) % range.length] ?? TABLEAU10[0]!;
}

/** A tick step at least `min` apart that gives about five ticks, as vega's nice ticks do. */
function majorUnit(max: number, min: number): number {
  const raw = Math.max(max / 5, min);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return Math.max(step, min);
}

/** Decimals a label text shows, if it is a plain number equal to the value. */
function labelDecimals(label: string, value: number): number | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(label) || Number(label) !== value) return undefined;
  return label.split('.')[1]?.length ?? 0;
}

/** Labels that show each value as a number: General where that prints them, else the decimals they show. */
function numberLabels(shown: (string | undefined)[], values: (number | null)[]): { format: string; pointFormats?: (string | undefined)[] } | undefined {
  const formats: (string | undefined)[] = [];
  for (const [i, label] of shown.entries()) {
    if (label === undefined) {
      formats.push(undefined);
      continue;
    }
    const decimals = labelDecimals(label, values[i]!);
    if (decimals === undefined) return undefined;
    formats.push(label === String(values[i]) ? 'General' : decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`);
  }
  const format = formats.find((f) => f !== undefined) ?? 'General';
  return formats.every((f) => f === undefined || f === format) ? { format } : { format, pointFormats: formats.map((f) => (f === format ? undefined : f)) };
}

interface Layer {
  mark: Json;
  encoding: Json;
}

/** An opacity channel over a nominal field: each value's opacity, and the legend entries it asks for (its `values`). */
function opacityScale(u: Unmapped, c: Channel | undefined): { of: (row: Row) => number; legend: { name: string; colour: string; opacity: number }[] } | undefined {
  if (!c) return undefined;
  const scale = object(c.def.scale);
  const domain = Array.isArray(scale.domain) ? scale.domain.map(text) : [];
  const range = Array.isArray(scale.range) ? scale.range.map(Number) : [];
  if (c.type !== 'nominal' || domain.length === 0 || domain.length !== range.length || range.some((o) => !(o >= 0 && o <= 1))) {
    u.add('encoding.opacity other than a nominal field with its domain and opacities');
    return undefined;
  }
  const of = (value: string) => range[domain.indexOf(value)] ?? 1;
  const legend = c.def.legend === null ? [] : object(c.def.legend);
  const shown = Array.isArray(legend) ? [] : Array.isArray(legend.values) ? legend.values.map(text) : domain;
  const colour = Array.isArray(legend) ? '#888888' : text(legend.symbolFillColor ?? '#888888');
  return { of: (row) => of(text(row[c.field])), legend: shown.map((name) => ({ name, colour, opacity: of(name) })) };
}

export function mapSpec(id: string, spec: unknown): WordChart {
  const u = new Unmapped(id);
  const s = object(spec);
  u.keys('spec', s, TOP_KEYS);
  const config = object(s.config);
  u.keys('config', config, CONFIG_KEYS);
  const axisConfig = object(config.axis);
  const legendConfig = object(config.legend);
  const titleConfig = object(config.title);
  u.keys('config.axis', axisConfig, CONFIG_AXIS_KEYS);
  u.keys('config.legend', legendConfig, CONFIG_LEGEND_KEYS);
  u.keys('config.title', titleConfig, CONFIG_TITLE_KEYS);
  const data = object(s.data);
  u.keys('data', data, ['values']);
  const rows = (Array.isArray(data.values) ? data.values : []) as Row[];
  if (!Array.isArray(data.values)) u.add('data other than inline values');

  const layers: Layer[] = (Array.isArray(s.layer) ? s.layer : [{ mark: s.mark }]).map((l: unknown) => {
    const layer = object(l);
    u.keys('layer', layer, LAYER_KEYS);
    const mark = typeof layer.mark === 'string' ? { type: layer.mark } : object(layer.mark);
    return { mark, encoding: { ...object(s.encoding), ...object(layer.encoding) } };
  });
  const plotted = layers.filter((l) => l.mark.type === 'bar' || l.mark.type === 'line');
  const texts = layers.filter((l) => l.mark.type === 'text');
  for (const l of layers) if (!['bar', 'line', 'text'].includes(text(l.mark.type))) u.add(`mark "${text(l.mark.type)}"`);
  if (plotted.length !== 1) u.add(plotted.length === 0 ? 'a chart without a bar or line mark' : 'more than one bar or line layer');
  if (texts.length > 1) u.add('more than one text layer');
  u.throwIfAny();

  const main = plotted[0]!;
  const type = main.mark.type as 'bar' | 'line';
  u.keys('mark', main.mark, type === 'bar' ? BAR_MARK_KEYS : LINE_MARK_KEYS);
  const enc = main.encoding;
  u.keys('encoding', enc, ['x', 'y', 'x2', 'y2', 'xOffset', 'yOffset', 'color', 'order', 'text', 'strokeDash', 'opacity']);
  const x = channel(u, 'x', enc.x);
  const y = channel(u, 'y', enc.y);
  u.throwIfAny();
  if (!x || !y) {
    u.add('a chart without both x and y');
    u.throwIfAny();
  }
  const horizontal = x!.type === 'quantitative' && y!.type !== 'quantitative';
  if (!horizontal && !(y!.type === 'quantitative' && x!.type !== 'quantitative')) u.add('two quantitative axes (a scatter plot)');
  const cat = horizontal ? y! : x!;
  const val = horizontal ? x! : y!;
  const catName = horizontal ? 'y' : 'x';
  const valName = horizontal ? 'x' : 'y';
  const offsetName = horizontal ? 'yOffset' : 'xOffset';
  const offset = channel(u, offsetName, enc[offsetName]);
  if (enc[horizontal ? 'xOffset' : 'yOffset'] !== undefined) u.add(`encoding.${horizontal ? 'xOffset' : 'yOffset'} along the value axis`);
  const colour = channel(u, 'color', enc.color);
  const opacityOf = opacityScale(u, channel(u, 'opacity', enc.opacity));
  const dash = channel(u, 'strokeDash', enc.strokeDash);
  if (dash && type !== 'line') u.add('encoding.strokeDash on bars');
  if (enc[`${valName}2`] !== undefined || enc[`${catName}2`] !== undefined) u.add(`encoding.${valName}2 (ranges)`);
  const orderChannel = channel(u, 'order', enc.order);
  if (val.def.aggregate !== undefined && val.def.aggregate !== 'sum') u.add(`encoding.${valName}.aggregate "${text(val.def.aggregate)}"`);
  if (object(cat.def.axis).labelAngle !== undefined && type === 'bar' && horizontal) u.add(`encoding.${catName}.axis.labelAngle`);
  u.throwIfAny();

  // Categories, series and how they stack.
  const categoryLabel = labelExpr(u, `encoding.${catName}.axis`, object(cat.def.axis).labelExpr);
  const catValues = order(u, `encoding.${catName}`, cat, rows);
  const seriesChannel = colour ?? dash;
  const seriesValues = seriesChannel ? order(u, `encoding.${seriesChannel === colour ? 'color' : 'strokeDash'}`, seriesChannel, rows) : [];
  const perCategory = (field: string) => catValues.every((c) => new Set(rows.filter((r) => text(r[cat.field]) === c).map((r) => text(r[field]))).size <= 1);
  const stack = val.def.stack;
  if (stack !== undefined && stack !== null && stack !== 'zero' && stack !== true && stack !== false) u.add(`encoding.${valName}.stack "${text(stack)}"`);
  let levels: Channel[] = [cat];
  let seriesField: Channel | undefined;
  let pointColours = false;
  let grouping: WordChart['grouping'] = type === 'line' ? 'standard' : 'clustered';
  if (offset) {
    if (type !== 'bar') u.add(`encoding.${offsetName} on a line`);
    // A colour other than the offset: each bar of a group is a stack of the colour's values (a bar with one row
    // stacks nothing, so stacking or not is the same chart then, e.g. an estimate coloured apart from its district).
    // Horizontal bars too have a slot each: LibreOffice draws a group's bars in the series' order but lists the
    // legend of horizontal bars the other way round, so a bar's place must not depend on its series (see chart-xml).
    const onePerBar = new Set(rows.map((r) => `${text(r[cat.field])}\u0000${text(r[offset.field])}`)).size === rows.length;
    if ((!colour || colour.field === offset.field) && !(horizontal && onePerBar)) seriesField = offset;
    else if ((stack === false || stack === null) && !onePerBar) u.add(`encoding.${offsetName} with a colour that neither groups nor stacks`);
    else {
      levels = [cat, offset];
      seriesField = colour ?? offset;
      // One row per bar: the series overlap fully (each bar has one), so labels may stand outside the bar's end.
      grouping = onePerBar ? 'clustered' : 'stacked';
    }
  } else if (seriesChannel) {
    if (type === 'bar' && perCategory(seriesChannel.field)) {
      pointColours = true;
      if (object(seriesChannel.def).legend !== null) u.add('a colour legend for bars coloured one by one');
    }
    else {
      seriesField = seriesChannel;
      if (type === 'bar') {
        if (stack === false || stack === null) u.add(`encoding.color without stacking or an offset (overlapping bars)`);
        grouping = 'stacked';
      }
    }
  }
  if (dash && colour && dash.field !== colour.field) u.add('encoding.strokeDash by another field than the colour');
  u.throwIfAny();

  // Bar slots: one per category, or, for groups of stacked bars, one per bar of a group with an empty slot between groups
  // (DrawingML cannot stack within clusters); a group is labelled once, at its first bar.
  const innerValues = levels.length > 1 ? order(u, `encoding.${offsetName}`, levels[1]!, rows) : [];
  const slots: { key?: string[]; label: string }[] = levels.length === 1
    ? catValues.map((c) => ({ key: [c], label: categoryLabel(c) }))
    : catValues.flatMap((c, g) => [
      ...(g > 0 ? [{ label: '' }] : []),
      ...innerValues.filter((o) => rows.some((r) => text(r[cat.field]) === c && text(r[levels[1]!.field]) === o)).map((o, i) => ({ key: [c, o], label: i === 0 ? categoryLabel(c) : '' })),
    ]);
  const seriesNames = seriesField ? order(u, `encoding.${seriesField === offset ? offsetName : 'color'}`, seriesField, rows) : [''];
  if (orderChannel && seriesField) {
    const rank = (s: string) => Math.min(...rows.filter((r) => text(r[seriesField!.field]) === s).map((r) => Number(r[orderChannel.field])));
    const descending = object(orderChannel.def).sort === 'descending';
    seriesNames.sort((a, b) => (descending ? rank(b) - rank(a) : rank(a) - rank(b)));
  }

  // Data labels from the text layer: the value itself in a number format, or the spec's own text per point.
  const textLayer = texts[0];
  let labelField: string | undefined;
  // vega draws text black unless the mark names a colour or the layer is coloured by the series.
  let labelColour = (_series: string) => '#000000';
  let labelSize = Number(object(axisConfig).labelFontSize ?? 10);
  let labelPosition: WordChart['labelPosition'] = grouping === 'stacked' ? 'ctr' : type === 'line' ? 't' : 'outEnd';
  if (textLayer) {
    u.keys('text mark', textLayer.mark, TEXT_MARK_KEYS);
    const te = textLayer.encoding;
    u.keys('text layer encoding', te, ['x', 'y', 'xOffset', 'yOffset', 'color', 'order', 'text']);
    for (const name of ['x', 'y', offsetName] as const) {
      if (JSON.stringify(te[name]) !== JSON.stringify(enc[name])) u.add(`a text layer placed by another ${name} than its bars`);
    }
    const t = channel(u, 'text', te.text);
    labelField = t?.field;
    if (t?.def.format !== undefined) u.add('encoding.text.format');
    if (textLayer.mark.fontSize !== undefined) labelSize = Number(textLayer.mark.fontSize);
    const byColour = channel(u, 'color', te.color);
    if (textLayer.mark.color !== undefined) labelColour = () => text(textLayer.mark.color);
    else if (byColour && byColour.field === colour?.field && !pointColours) labelColour = (series) => colourOf(colour, order(u, 'encoding.color', colour, rows))(series);
    else if (byColour) u.add('a text layer coloured by another field than its bars');
    // A label beside its bar's end (align left, or set per value by an expression) is Word's outside end.
    const besideEnd = textLayer.mark.align === 'left' || typeof textLayer.mark.align === 'object';
    if (grouping !== 'stacked' && type === 'bar' && !besideEnd && horizontal) labelPosition = 'ctr';
  }
  u.throwIfAny();

  const colourField = colour;
  const colours = colourOf(colourField, colourField ? order(u, 'encoding.color', colourField, rows) : []);
  const legendDef = colour?.def.legend ?? dash?.def.legend;
  const legendLabel = labelExpr(u, 'encoding.color.legend', object(legendDef).labelExpr);
  const series: WordSeries[] = seriesNames.map((name) => {
    const points = slots.map((slot) => rows.filter((r) => slot.key && levels.every((l, i) => text(r[l.field]) === slot.key![i]) && (!seriesField || text(r[seriesField.field]) === name)));
    const values = points.map((p) => {
      if (p.length === 0) return null;
      if (p.length > 1 && grouping !== 'stacked' && val.def.aggregate !== 'sum') u.add(`two values for one ${type === 'bar' ? 'bar' : 'point'} (${p.map((r) => text(r[val.field])).join(', ')})`);
      return p.reduce((sum, r) => sum + Number(r[val.field]), 0);
    });
    let labels: WordSeries['labels'];
    if (labelField) {
      const shown = points.map((p, i) => (p.length === 1 ? text(p[0]![labelField!]) : p.length === 0 ? undefined : String(values[i])));
      labels = { ...(numberLabels(shown, values) ?? { format: 'General', texts: shown }), colour: labelColour(name) };
    }
    const dashValue = dash ? ['solid', 'dash', 'sysDot'][seriesNames.indexOf(name) % 3] as WordSeries['dash'] : undefined;
    return {
      name: seriesField ? legendLabel(name) : axisTitle(val) ?? val.field,
      colour: colour && seriesField?.field === colour.field ? colours(name) : TABLEAU10[0]!,
      values,
      ...(pointColours ? { pointColours: points.map((p) => (p[0] ? colours(text(p[0][colour!.field])) : undefined)) } : {}),
      ...(opacityOf && points.some((p) => p.length === 1 && opacityOf.of(p[0]!) !== 1) ? { pointOpacity: points.map((p) => (p.length === 1 && opacityOf.of(p[0]!) !== 1 ? opacityOf.of(p[0]!) : undefined)) } : {}),
      ...(labels ? { labels } : {}),
      ...(dashValue ? { dash: dashValue } : {}),
    };
  });
  // The legend's entries for lighter bars: a series with no values, in the legend's own colour.
  for (const entry of opacityOf?.legend ?? []) series.push({ name: entry.name, colour: entry.colour, opacity: entry.opacity, values: slots.map(() => null), legendOnly: true });
  u.throwIfAny();

  // Sizes and gaps as vega-lite lays out bands: 0.1 padding between bands, the mark's band share within.
  const sizeKey = horizontal ? 'height' : 'width';
  const band = Number(object(main.mark[sizeKey]).band ?? 1);
  if (main.mark[sizeKey] !== undefined && object(main.mark[sizeKey]).band === undefined) u.add(`mark.${sizeKey} ${JSON.stringify(main.mark[sizeKey])}`);
  const perGroup = grouping === 'clustered' && seriesField && levels.length === 1 ? seriesNames.length : 1;
  const slot = levels.length > 1 ? 1 : 0.9 / perGroup;
  const bar = slot * band;
  const gapWidth = Math.round(((1 - perGroup * slot) + slot * (1 - band)) / bar * 100);
  const overlap = perGroup > 1 ? -Math.round(((slot - bar) / bar) * 100) : grouping === 'stacked' || levels.length > 1 ? 100 : 0;

  const valueAxis = object(val.def.axis);
  const valueScale = object(val.def.scale);
  const max = Math.max(0, ...series.flatMap((sr) => sr.values.map((v) => v ?? 0)));
  const tickMinStep = valueAxis.tickMinStep === undefined ? undefined : Number(valueAxis.tickMinStep);
  const domain = Array.isArray(valueScale.domain) ? valueScale.domain.map(Number) : undefined;
  const orient = text(object(legendDef).orient ?? legendConfig.orient ?? 'right');
  const legendPos = ({ bottom: 'b', top: 't', right: 'r', left: 'l' } as const)[orient as 'bottom'];
  if (!legendPos) u.add(`legend orient "${orient}"`);
  const titleDef = typeof s.title === 'string' || Array.isArray(s.title) ? { text: s.title } : object(s.title);
  u.keys('title', titleDef, ['text', 'anchor', 'fontSize', 'fontWeight', 'color']);
  const title = Array.isArray(titleDef.text) ? titleDef.text.map(text).join('\n') : text(titleDef.text);
  const anchor = text(titleDef.anchor ?? titleConfig.anchor ?? 'middle');
  if (anchor !== 'start' && anchor !== 'middle') u.add(`title.anchor "${anchor}"`);
  const titleWeight = titleDef.fontWeight ?? titleConfig.fontWeight ?? 'bold';
  u.throwIfAny();

  return {
    id,
    ...(title ? { title: { text: title, anchor: anchor as 'start' | 'middle', bold: titleWeight === 'bold' || Number(titleWeight) >= 600 } } : {}),
    type,
    direction: horizontal ? 'bar' : 'col',
    grouping,
    gapWidth,
    overlap,
    categories: slots.map((slot) => slot.label),
    series,
    categoryAxis: { ...(axisTitle(cat) !== undefined ? { title: axisTitle(cat)! } : {}) },
    valueAxis: {
      ...(axisTitle(val) !== undefined ? { title: axisTitle(val)! } : {}),
      format: numberFormat(u, `encoding.${valName}.axis`, valueAxis.format),
      // Ticks as vega places them where Word's automatic ones differ most: a minimum step, or a fixed domain.
      ...(tickMinStep !== undefined || domain ? { majorUnit: majorUnit(domain ? domain[1]! - domain[0]! : max, tickMinStep ?? 0) } : {}),
      ...(domain ? { min: domain[0]!, max: domain[1]! } : {}),
    },
    ...(seriesField && legendDef !== null && !series.every((sr) => sr.hidden) ? { legend: legendPos! } : {}),
    text: {
      label: Number(axisConfig.labelFontSize ?? 10),
      title: Number(axisConfig.titleFontSize ?? 11),
      legend: Number(legendConfig.labelFontSize ?? 10),
      dataLabel: labelSize,
      chartTitle: Number(titleDef.fontSize ?? titleConfig.fontSize ?? 13),
    },
    colours: { text: text(axisConfig.labelColor ?? '#333333'), grid: text(axisConfig.gridColor ?? '#dddddd'), axis: text(axisConfig.domainColor ?? '#888888') },
    labelPosition,
    ...(type === 'line' ? { line: { points: Boolean(main.mark.point) } } : {}),
  };
}
