// Native Word charts: golden chart parts per chart type, the embedded workbooks' cells against the charts' caches,
// unmapped spec features as errors, and picture charts on request.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { baseSpec, ESTIMATE_OPACITY, estimateEncoding } from '../src/charts/specs.js';
import { DiagnosticError, formatDiagnostic } from '../src/diagnostics.js';
import { briefingPlan, comparisonPlan, composeAll, renderPlan, type ComposedDocument, type RenderedFile } from '../src/pipeline.js';
import { chartXml } from '../src/render/word-chart/chart-xml.js';
import { mapSpec } from '../src/render/word-chart/map-spec.js';
import { placeChart } from '../src/render/word-chart/place.js';
import { contentWidthOf, DEFAULT_STYLE } from '../src/render/style.js';
import { assertGolden, ROOT, workspace } from './helpers.js';

const request = { year: 2024, langs: ['zh-en' as const], formats: ['docx' as const], outDir: 'output', date: '2025-01-13' };
let briefing: ComposedDocument;
let memo: ComposedDocument;
let docx: RenderedFile;

before(async () => {
  const ws = workspace();
  const plan = briefingPlan(ws, { ...request, district: 'wanzhou' });
  [briefing] = await composeAll(ws, plan, ['zh-en']);
  [memo] = await composeAll(ws, comparisonPlan(ws, { ...request, districts: ['wanzhou', 'dadukou', 'fuling'] }), ['zh-en']);
  [docx] = await renderPlan(ws, plan, ['zh-en'], ['docx'], 'output');
});

const partXml = (c: ComposedDocument, id: string) => {
  const placed = placeChart(id, c.charts.get(id)!, id, contentWidthOf(DEFAULT_STYLE), c.ir.meta.lang, workspace().fonts);
  return chartXml(placed.chart, placed.style).replace(/></g, '>\n<');
};

test('golden chart parts: target vs result, grouped and stacked district bars', () => {
  assertGolden('word-chart/target-vs-result.xml', partXml(briefing, 'growth'));
  assertGolden('word-chart/grouped-bars.xml', partXml(memo, 'growth'));
  assertGolden('word-chart/stacked-bars.xml', partXml(memo, 'projects'));
});

test('golden chart part: lines, one per series, dashed by series', () => {
  const spec = {
    ...baseSpec,
    height: 200,
    data: { values: [2020, 2021, 2022].flatMap((year, i) => [{ year: String(year), series: 'A', value: 5 + i }, { year: String(year), series: 'B', value: 7 - i }]) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'year', type: 'ordinal', title: null },
      y: { field: 'value', type: 'quantitative', title: '%', axis: { format: '.1f' } },
      color: { field: 'series', type: 'nominal', scale: { domain: ['A', 'B'], range: ['#1565c0', '#ef6c00'] } },
      strokeDash: { field: 'series', type: 'nominal' },
    },
  };
  const chart = mapSpec('trend', spec);
  assert.equal(chart.type, 'line');
  assert.deepEqual(chart.categories, ['2020', '2021', '2022']);
  assert.deepEqual(chart.series.map((s) => [s.name, s.values, s.dash]), [['A', [5, 6, 7], 'solid'], ['B', [7, 6, 5], 'dash']]);
  const xml = chartXml(chart, { font: 'Noto Sans SC', scale: 1, lang: 'en-US', plot: { x: 0.1, y: 0.05, w: 0.85, h: 0.7 } });
  assertGolden('word-chart/lines.xml', xml.replace(/></g, '>\n<'));
});

test('the DOCX holds native charts only, each with its workbook, related and typed; chart text in the document font', () => {
  const entries = unzipSync(docx.data);
  const names = Object.keys(entries);
  const charts = names.filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n));
  assert.equal(charts.length, briefing.charts.size);
  assert.deepEqual(names.filter((n) => n.startsWith('word/media/')), []);
  const types = strFromU8(entries['[Content_Types].xml']!);
  const rels = strFromU8(entries['word/_rels/document.xml.rels']!);
  const document = strFromU8(entries['word/document.xml']!);
  assert.match(types, /Extension="xlsx"/);
  for (const chart of charts) {
    const n = /(\d+)/.exec(chart)![1];
    assert.ok(types.includes(`PartName="/${chart}"`), `content type of ${chart}`);
    const relId = new RegExp(`Id="([^"]+)" Type="[^"]+/chart" Target="charts/chart${n}.xml"`).exec(rels)?.[1];
    assert.ok(relId, `relationship to ${chart}`);
    assert.match(document, new RegExp(`<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart [^>]*r:id="${relId}"/>`));
    assert.match(strFromU8(entries[`word/charts/_rels/chart${n}.xml.rels`]!), new RegExp(`Target="../embeddings/Microsoft_Excel_Worksheet${n}.xlsx"`));
    const xml = strFromU8(entries[chart]!);
    assert.match(xml, /<c:externalData r:id="rId1">/);
    assert.match(xml, /<a:latin typeface="Noto Sans SC"\/><a:ea typeface="Noto Sans SC"\/>/);
  }
  assert.doesNotMatch(document, /word-chart:/);
});

/** The cells of an embedded workbook's sheet, by reference (A1 → value). */
function sheetCells(xlsx: Uint8Array): Map<string, string> {
  const sheet = strFromU8(unzipSync(xlsx)['xl/worksheets/sheet1.xml']!);
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return new Map([...sheet.matchAll(/<c r="([A-Z]+\d+)"[^>]*>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g)].map((m) => [m[1]!, unescape(m[2] ?? m[3] ?? '')]));
}

/** Every cached reference of a chart: the formula's cells and the cached values, in order (undefined: no point cached). */
function cachedRefs(xml: string): { cells: string[]; values: (string | undefined)[] }[] {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<c:f>Sheet1!\$([A-Z]+)\$(\d+)(?::\$[A-Z]+\$(\d+))?<\/c:f><c:(?:str|num)Cache>([\s\S]*?)<\/c:(?:str|num)Cache>/g)].map((m) => {
    const [, column, first, last, cache] = m;
    const rows = Array.from({ length: Number(last ?? first) - Number(first) + 1 }, (_, i) => Number(first) + i);
    const points = new Map([...cache!.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((p) => [Number(p[1]), unescape(p[2]!)]));
    return { cells: rows.map((r) => `${column}${r}`), values: rows.map((_, i) => points.get(i)) };
  });
}

test("each embedded workbook's cells equal its chart's cached data", () => {
  const entries = unzipSync(docx.data);
  let checked = 0;
  for (const name of Object.keys(entries).filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n))) {
    const n = /(\d+)/.exec(name)![1];
    const cells = sheetCells(entries[`word/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`]!);
    const refs = cachedRefs(strFromU8(entries[name]!));
    assert.ok(refs.length >= 3, `${name} caches categories, series names and values`);
    const referenced = new Set<string>();
    for (const ref of refs) {
      ref.cells.forEach((cell, i) => {
        referenced.add(cell);
        const value = ref.values[i];
        assert.equal(cells.get(cell), value === '' ? undefined : value, `${name} ${cell}`);
        checked++;
      });
    }
    for (const cell of cells.keys()) assert.ok(referenced.has(cell), `${name}: workbook cell ${cell} is not in the chart`);
  }
  assert.ok(checked > 50);
});

test('a spec feature the mapping does not know is a build error naming the chart and the feature', async () => {
  const spec = { ...baseSpec, data: { values: [{ a: 'x', b: 1 }] }, mark: 'point', encoding: { y: { field: 'a', type: 'nominal' }, x: { field: 'b', type: 'quantitative' }, shape: { field: 'a', type: 'nominal' } } };
  assert.throws(() => mapSpec('growth', spec), (e: unknown) => {
    assert.ok(e instanceof DiagnosticError);
    const lines = e.diagnostics.map(formatDiagnostic);
    assert.ok(lines.some((l) => l.startsWith('chart growth: error:') && l.includes('mark "point"')), lines.join('\n'));
    return true;
  });
  const ranged = { ...baseSpec, data: { values: [{ a: 'x', lo: 1, hi: 2 }] }, mark: 'bar', encoding: { y: { field: 'a', type: 'nominal' }, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' }, opacity: { value: 0.5 } } };
  assert.throws(() => mapSpec('bounds', ranged), /chart bounds: error: .*encoding\.opacity/);
  // The same through the renderer: nothing is written, the message names the chart.
  const ws = workspace();
  const plan = briefingPlan(ws, { ...request, district: 'wanzhou' });
  const broken = { ...plan, charts: (mode: 'zh-en', messages: Parameters<typeof plan.charts>[1]) => new Map([...plan.charts(mode, messages)].map(([id, s]) => [id, id === 'growth' ? { ...s, encoding: { ...(s as { encoding: object }).encoding, size: { value: 3 } } } : s])) };
  await assert.rejects(renderPlan(ws, broken as typeof plan, ['zh-en'], ['docx'], 'output'), /chart growth: error: a native Word chart cannot show encoding\.size/);
});

test('--docx-charts image keeps picture charts', () => {
  const out = mkdtempSync(join(tmpdir(), 'briefing-charts-'));
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'briefing.js'), 'district', 'wanzhou', '--year', '2024', '--lang', 'en', '--format', 'docx', '--docx-charts', 'image', '--date', '2025-01-13', '--out', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const entries = unzipSync(readFileSync(join(out, 'wanzhou-2024-briefing.en.docx')));
  const names = Object.keys(entries);
  assert.equal(names.filter((n) => /^word\/media\/image\d+\.png$/.test(n)).length, 1);
  assert.deepEqual(names.filter((n) => n.startsWith('word/charts/') || n.startsWith('word/embeddings/')), []);
  assert.match(strFromU8(entries['word/document.xml']!), /drawingml\/2006\/picture/);
});

test("the spec's title is the chart's title; labels that are not the bar's value (a capped outlier, an estimate) keep the spec's text", () => {
  const spec = {
    ...baseSpec,
    title: { text: ['Results fell short on two of three', 'Axis cut at 40'], anchor: 'start', fontSize: 9 },
    data: { values: [{ k: 'a', v: 40, t: '80.3' }, { k: 'b', v: 6.8, t: '6.8 est.' }, { k: 'c', v: 6, t: '6' }] },
    encoding: { y: { field: 'k', type: 'nominal', sort: null, title: null }, x: { field: 'v', type: 'quantitative', title: '%', scale: { domain: [0, 40], nice: false } } },
    layer: [{ mark: 'bar' }, { mark: { type: 'text', align: 'left', dx: 3 }, encoding: { text: { field: 't', type: 'nominal' } } }],
  };
  const chart = mapSpec('growth', spec);
  assert.deepEqual(chart.title, { text: 'Results fell short on two of three\nAxis cut at 40', anchor: 'start', bold: true });
  assert.deepEqual(chart.series[0]!.values, [40, 6.8, 6]);
  assert.deepEqual(chart.series[0]!.labels?.texts, ['80.3', '6.8 est.', '6']);
  assert.deepEqual([chart.valueAxis.min, chart.valueAxis.max], [0, 40]);
  const xml = chartXml(chart, { font: 'Noto Sans SC', scale: 1, lang: 'en-US', plot: { x: 0.2, y: 0.1, w: 0.75, h: 0.7 } });
  assert.match(xml, /<c:dLbl><c:idx val="0"\/><c:tx><c:rich>.*<a:t>80\.3<\/a:t>/);
  assert.match(xml, /<c:title><c:tx><c:rich>.*<a:t>Results fell short on two of three<\/a:t>.*<a:t>Axis cut at 40<\/a:t>/);
  assert.match(xml, /<c:max val="40"\/><c:min val="0"\/>/);
});

test('grouped bars coloured apart from their group (an estimate in a lighter shade) keep their legend entries', () => {
  const spec = {
    ...baseSpec,
    data: { values: [
      { ind: 'GDP', d: 'A', s: 'A', v: 6 }, { ind: 'GDP', d: 'B', s: 'B (estimate)', v: 5.5 },
      { ind: 'Investment', d: 'A', s: 'A', v: 4 }, { ind: 'Investment', d: 'B', s: 'B', v: 7 },
    ] },
    encoding: {
      y: { field: 'ind', type: 'nominal', sort: null, title: null },
      yOffset: { field: 'd', type: 'nominal', sort: ['A', 'B'] },
      x: { field: 'v', type: 'quantitative', title: '%' },
      color: { field: 's', type: 'nominal', sort: ['A', 'B', 'B (estimate)'], title: null, scale: { domain: ['A', 'B', 'B (estimate)'], range: ['#1565c0', '#ef6c00', '#f9c499'] } },
    },
    mark: { type: 'bar', height: { band: 0.85 } },
  };
  const chart = mapSpec('growth', spec);
  assert.deepEqual(chart.categories, ['GDP', '', '', 'Investment', '']);
  assert.deepEqual(chart.series.map((s) => [s.name, s.colour, s.values]), [
    ['A', '#1565c0', [6, null, null, 4, null]],
    ['B', '#ef6c00', [null, null, null, null, 7]],
    ['B (estimate)', '#f9c499', [null, 5.5, null, null, null]],
  ]);
  assert.deepEqual([chart.grouping, chart.overlap, chart.legend], ['clustered', 100, 'b']);
});

test('estimates drawn lighter: a point of its district\'s series with its own fill (c:dPt), one legend entry for them; horizontal bars listed in order in LibreOffice too', () => {
  const kinds = { final: 'final', estimate: 'estimate' };
  const spec = {
    ...baseSpec,
    data: { values: [
      { ind: 'GDP', d: 'A', v: 6, kind: 'final' }, { ind: 'GDP', d: 'B', v: 5.5, kind: 'estimate' },
      { ind: 'Investment', d: 'A', v: 4, kind: 'final' }, { ind: 'Investment', d: 'B', v: 7, kind: 'final' },
    ] },
    encoding: {
      y: { field: 'ind', type: 'nominal', sort: null, title: null },
      yOffset: { field: 'd', type: 'nominal', sort: ['A', 'B'] },
      x: { field: 'v', type: 'quantitative', title: '%' },
      color: { field: 'd', type: 'nominal', sort: ['A', 'B'], title: null, scale: { domain: ['A', 'B'], range: ['#1565c0', '#ef6c00'] } },
    },
    layer: [{ mark: { type: 'bar', height: { band: 0.85 } }, encoding: estimateEncoding([{ kind: 'estimate' }], kinds) }],
  };
  const chart = mapSpec('growth', spec);
  assert.deepEqual(chart.series.map((s) => [s.name, s.values, s.pointOpacity, s.legendOnly]), [
    ['A', [6, null, null, 4, null], undefined, undefined],
    ['B', [null, 5.5, null, null, 7], [undefined, ESTIMATE_OPACITY, undefined, undefined, undefined], undefined],
    ['estimate', [null, null, null, null, null], undefined, true],
  ]);
  const xml = chartXml(chart, { font: 'Noto Sans SC', scale: 1, lang: 'en-US', plot: { x: 0.2, y: 0.1, w: 0.75, h: 0.7 } });
  assert.match(xml, /<c:dPt><c:idx val="1"\/>.*?<a:srgbClr val="EF6C00"><a:alpha val="40000"\/><\/a:srgbClr>/);
  // Word lists series by c:order; LibreOffice lists a horizontal bar chart's legend from the last series written.
  const written = [...xml.matchAll(/<c:ser><c:idx val="(\d+)"\/><c:order val="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.deepEqual(written, [[2, 2], [1, 1], [0, 0]]);
});
