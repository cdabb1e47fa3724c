// Where pdfmake laid out a document's content: for each page, how far down its text area is filled, and where its pictures stand.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface PageFill {
  /** The text area's top and bottom, in points from the page's top. */
  top: number;
  bottom: number;
  /** The lowest point of the page's content (header and footer aside). */
  end: number;
  /** Where each picture (a chart) on the page begins, in page order. */
  pictures: number[];
}

type Item = { type: string; item: { y?: number; y1?: number; y2?: number; h?: number; _height?: number; getHeight?: () => number } };
type Page = { items: Item[]; pageSize: { height: number }; pageMargins: { top: number; bottom: number } };
type Builder = { prototype: { layoutDocument(content: unknown, ...rest: unknown[]): Page[] } & { briefingLayout?: true } };

/** The layout of each document content laid out, by its content array (kept only while that array lives). */
const layouts = new WeakMap<object, PageFill[]>();

function fillOf(page: Page): PageFill {
  const top = page.pageMargins.top;
  const bottom = page.pageSize.height - page.pageMargins.bottom;
  let end = top;
  const pictures: number[] = [];
  for (const { type, item } of page.items) {
    const y = type === 'vector' ? Math.min(item.y ?? item.y1 ?? Infinity, item.y2 ?? Infinity) : item.y ?? Infinity;
    const low = type === 'line' ? y + (item.getHeight?.() ?? 0) : type === 'vector' ? Math.max((item.y ?? 0) + (item.h ?? 0), item.y1 ?? 0, item.y2 ?? 0) : y + (item._height ?? 0);
    // The running header and the page number stand outside the text area.
    if (!(y >= top - 1 && low <= bottom + 1)) continue;
    end = Math.max(end, low);
    if (type === 'svg' || type === 'image') pictures.push(y);
  }
  return { top, bottom, end, pictures };
}

/** Records every layout pdfmake makes (once per process); read one back with layoutOf. */
export function recordLayouts(): void {
  const builder = (require(require.resolve('pdfmake/js/LayoutBuilder.js')) as { default: Builder }).default.prototype;
  if (builder.briefingLayout) return;
  const { layoutDocument } = builder;
  builder.layoutDocument = function (this: unknown, content: unknown, ...rest: unknown[]) {
    const pages = layoutDocument.call(this, content, ...rest);
    if (content && typeof content === 'object') layouts.set(content, pages.map(fillOf));
    return pages;
  };
  builder.briefingLayout = true;
}

/** How the content array of a rendered document definition was laid out, page by page. */
export const layoutOf = (content: object): PageFill[] | undefined => layouts.get(content);
