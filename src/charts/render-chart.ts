// Renders Vega-Lite specs to SVG with vega, measuring text with the embedded font (no canvas).
import type { TopLevelSpec } from 'vega-lite';
import { measureText, type FontSet } from '../fonts/fonts.js';

export interface RenderedChart {
  /** The spec it was rendered from (native Word charts are made from it). */
  spec: TopLevelSpec;
  svg: string;
  width: number;
  height: number;
}

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');
let libraries: Promise<[Vega, VegaLite]> | undefined;

/** vega and vega-lite are ESM with top-level await; import them once, on first use. */
function loadLibraries(): Promise<[Vega, VegaLite]> {
  libraries ??= Promise.all([import('vega'), import('vega-lite')]);
  return libraries;
}

/** Gives vega real text widths from the font; keeps its truncation working by capping at the item's limit. */
function useFontMetrics(vega: Vega, fonts: FontSet): void {
  const metrics = (vega as unknown as { textMetrics: { width: unknown } }).textMetrics;
  metrics.width = (item: { fontSize?: number; fontWeight?: string | number; limit?: number }, text: string) => {
    const size = item.fontSize ?? 11;
    const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
    const width = measureText(bold ? fonts.bold : fonts.regular, String(text ?? ''), size);
    return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
}

export async function renderChart(spec: TopLevelSpec, fonts: FontSet): Promise<RenderedChart> {
  const [vega, vl] = await loadLibraries();
  useFontMetrics(vega, fonts);
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const width = Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  const height = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  return { spec, svg, width, height };
}
