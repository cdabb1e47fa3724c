// Keeps pdfmake's line breaking linear in a paragraph's length: it takes inlines one by one off the front of an array.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** How many of a paragraph's inlines pdfmake sees at a time: far more than a line holds, few enough to shift cheaply. */
const WINDOW = 512;

interface TextNode {
  _inlines?: unknown[];
}

/** The inlines of a long paragraph not yet handed to pdfmake, by the array pdfmake works through. */
const held = new WeakMap<unknown[], { items: unknown[]; next: number }>();

let patched = false;

/**
 * pdfmake builds each line by shift()ing the paragraph's inlines (one per CJK character): in a paragraph of tens of
 * thousands of characters every shift moves the whole array. This hands them over a window at a time, topped up
 * before each line, so that the lines built are the same and the work is linear.
 */
export function linearLineBreaking(): void {
  if (patched) return;
  patched = true;
  const builder = (require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: { buildNextLine(node: TextNode): unknown } } }).default.prototype;
  const buildNextLine = builder.buildNextLine;
  builder.buildNextLine = function (node) {
    const queue = node._inlines;
    if (queue) {
      let rest = held.get(queue);
      if (!rest && queue.length > 2 * WINDOW) held.set(queue, (rest = { items: queue.splice(WINDOW), next: 0 }));
      if (rest && queue.length < WINDOW && rest.next < rest.items.length) {
        const more = rest.items.slice(rest.next, rest.next + WINDOW);
        rest.next += more.length;
        queue.push(...more);
      }
    }
    return buildNextLine.call(this, node);
  };
}
