// Rasterises a chart's SVG to PNG with resvg (DOCX picture charts), using subsets of the embedded fonts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { RenderedChart } from '../charts/render-chart.js';
import { FONT_FAMILY, subsetFace, type FontSet } from '../fonts/fonts.js';

/** Pixels per SVG unit: 500-unit-wide charts become 1000 px, about 150 dpi at print width (a third of the bytes of 300 dpi). */
export const PNG_SCALE = 2;

/** resvg reads fonts from files only; subsets keep that fast. */
export async function chartPngs(charts: Map<string, RenderedChart>, fonts: FontSet): Promise<Map<string, Buffer>> {
  const text = [...charts.values()].map((c) => c.svg.replace(/<[^>]+>/g, '')).join('');
  const dir = mkdtempSync(join(tmpdir(), 'briefing-fonts-'));
  try {
    const files = [join(dir, 'regular.ttf'), join(dir, 'bold.ttf')];
    writeFileSync(files[0]!, await subsetFace(fonts.regular, text));
    writeFileSync(files[1]!, await subsetFace(fonts.bold, text));
    const out = new Map<string, Buffer>();
    for (const [id, chart] of charts) {
      const resvg = new Resvg(chart.svg, {
        font: { fontFiles: files, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
        fitTo: { mode: 'zoom', value: PNG_SCALE },
      });
      out.set(id, Buffer.from(resvg.render().asPng()));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
