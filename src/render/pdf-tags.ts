// Tagged PDF: every line, rule and chart pdfmake draws is marked as a structure element's content or as an artifact.
import { createRequire } from 'node:module';
import { inObjectStreams, type PackedRef, type PackingDoc } from './pdf-object-streams.js';

const require = createRequire(import.meta.url);

/** The standard structure types (PDF 1.7, 14.8.4) the briefing uses: no role map is needed. */
export type StructType = 'Document' | `H${1 | 2 | 3 | 4 | 5 | 6}` | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Table' | 'TR' | 'TH' | 'TD' | 'Caption' | 'Figure';

/** A structure element to be. The definition declares the tree in reading order; rendering gives its leaves content. */
export interface Tag {
  type: StructType | 'Artifact';
  parent?: Tag;
  kids: Tag[];
  alt?: string;
  lang?: string;
  scope?: 'Column';
  /** A table's row, by number (the caption 0): one drawn after a later row is a repeated header, an artifact. */
  row?: number;
  artifact?: 'Pagination' | 'Layout';
}

type TagOptions = Pick<Tag, 'alt' | 'lang' | 'scope' | 'row'>;

export const documentTag = (): Tag => ({ type: 'Document', kids: [] });

/** A new last child of `parent`. */
export function tag(parent: Tag, type: StructType, options: TagOptions = {}): Tag {
  const child: Tag = { type, parent, kids: [], ...options };
  parent.kids.push(child);
  return child;
}

/** The running header, the footers and page numbers (and a table's repeated header rows). */
export const PAGINATION: Tag = { type: 'Artifact', kids: [], artifact: 'Pagination' };
/** Rules and fills: whatever the definition did not tag. */
const LAYOUT: Tag = { type: 'Artifact', kids: [], artifact: 'Layout' };

/** Definition nodes' tags, kept off the nodes themselves (the definition stays as it was, as JSON too). */
const tagOfNode = new WeakMap<object, Tag>();

/** `node`, drawn as the content of `t` (a list item's node: its marker as the item's Lbl). */
export function tagged<T extends object>(node: T, t: Tag): T {
  tagOfNode.set(node, t);
  return node;
}

/** What a page item may carry once laid out: pdfmake copies own properties when it clones lines and packs items. */
type Tagged = { tag?: Tag };
type Line = Tagged & { inlines: Tagged[] };
type StructContent = { push(other: StructContent): void };
type TaggingDoc = PackingDoc & {
  page: object;
  _root: { data: { StructTreeRoot?: PackedRef } };
  markContent(tag: string, options?: object): unknown;
  markStructureContent(tag: string): StructContent;
  endMarkedContent(): unknown;
  struct(type: string, options: object, children: unknown[]): unknown;
  addStructure(element: unknown): unknown;
  endMarkings(): void;
};

/** One document's marking: the sequence left open (lines of one element run on in it), each element's content. */
interface State {
  open?: { page: object; tag: Tag };
  content: Map<Tag, StructContent>;
  lastRow: Map<Tag, number>;
  root?: Tag;
}
const states = new WeakMap<TaggingDoc, State>();

function stateOf(doc: TaggingDoc): State | undefined {
  let state = states.get(doc);
  if (!state && doc._root.data.StructTreeRoot) states.set(doc, (state = { content: new Map(), lastRow: new Map() }));
  return state;
}

/** Ends the open marked-content sequence (pdfkit ends those of a finished page itself). */
function leave(doc: TaggingDoc): void {
  const state = states.get(doc);
  if (!state?.open) return;
  if (state.open.page === doc.page) doc.endMarkedContent();
  state.open = undefined;
}

/** The tag an item is drawn under: a table row drawn again on a later page is pagination; no tag, layout. */
function resolve(state: State, given: Tag | undefined): Tag {
  if (!given) return LAYOUT;
  let row = given;
  while (row.row === undefined && row.parent) row = row.parent;
  if (row.row !== undefined && row.parent) {
    const last = state.lastRow.get(row.parent) ?? -1;
    if (row.row < last) return PAGINATION;
    state.lastRow.set(row.parent, row.row);
  }
  return given;
}

/** Marks what is drawn next as `given`'s content: the open sequence goes on if it is the same element's on this page. */
function enter(doc: TaggingDoc, given: Tag | undefined): void {
  const state = stateOf(doc);
  if (!state) return;
  const t = resolve(state, given);
  if (state.open?.page === doc.page && state.open.tag === t) return;
  leave(doc);
  if (t.artifact) doc.markContent('Artifact', { type: t.artifact });
  else {
    const content = doc.markStructureContent(t.type);
    const had = state.content.get(t);
    if (had) had.push(content);
    else state.content.set(t, content);
    if (!state.root) for (state.root = t; state.root.parent; ) state.root = state.root.parent;
  }
  state.open = { page: doc.page, tag: t };
}

/** The structure element of `t` and its descendants that were drawn; a table's cells stay even when empty. */
function build(doc: TaggingDoc, state: State, t: Tag): unknown {
  const kids = t.kids.map((k) => build(doc, state, k)).filter((k) => k !== undefined);
  const content = state.content.get(t);
  if (!content && kids.length === 0 && t.type !== 'TD' && t.type !== 'TH') return undefined;
  return doc.struct(t.type, { alt: t.alt, lang: t.lang, scope: t.scope }, content ? [content, ...kids] : kids);
}

/** A method of the untyped JavaScript prototypes patched here. */
type Method = (this: any, ...args: any[]) => unknown;
type Proto = Record<string, Method> & { briefingTags?: true };

/**
 * Tags what pdfmake draws, once on the prototypes: the layout copies a node's tag onto its lines, charts and list
 * markers; the renderer marks each drawn item as its element's content (a marked-content sequence with an MCID) or
 * as an artifact; at the end pdfkit writes the elements under one Document root. Only for a definition with
 * `tagged: true` (pdfkit then has a structure tree root). The structure is written into object streams.
 */
export function tagContentOnce(pdfkit: object, renderer: object): void {
  const builder = (require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: Proto } }).default.prototype;
  if (builder.briefingTags) return;
  builder.briefingTags = true;
  const doc = pdfkit as Proto;
  const draw = renderer as Proto;
  const wrap = (proto: Proto, name: string, before: (self: never, item: never) => void) => {
    const original = proto[name]!;
    proto[name] = function (this: never, ...args: never[]) {
      before(this, args[0]!);
      return original.apply(this, args);
    };
  };

  const { buildNextLine } = builder;
  builder.buildNextLine = function (this: unknown, node: never) {
    const line = buildNextLine!.call(this, node) as Line | null;
    const t = tagOfNode.get(node);
    if (line && t) line.tag = t;
    return line;
  };
  for (const name of ['processSVG', 'processImage']) wrap(builder, name, (_, node: Tagged & object) => { node.tag ??= tagOfNode.get(node); });
  const { processList } = builder;
  builder.processList = function (this: unknown, ordered: never, node: never) {
    const list = node as { ol?: object[]; ul?: object[] };
    for (const item of (ordered ? list.ol : list.ul) ?? []) {
      const lbl = tagOfNode.get(item)?.kids.find((k) => k.type === 'Lbl');
      const marker = (item as { listMarker?: { _inlines?: Tagged[]; canvas?: Tagged[] } }).listMarker;
      if (lbl && marker) for (const drawn of [...(marker._inlines ?? []).slice(0, 1), ...(marker.canvas ?? [])]) drawn.tag = lbl;
    }
    return processList!.call(this, ordered, node);
  };

  type Renderer = { pdfDocument: TaggingDoc };
  wrap(draw, 'renderLine', (self: Renderer, line: Line) => enter(self.pdfDocument, line.tag ?? line.inlines[0]?.tag));
  for (const name of ['renderVector', 'renderSVG', 'renderImage']) wrap(draw, name, (self: Renderer, item: Tagged) => enter(self.pdfDocument, item.tag));
  // Clips and shifts are q … Q: a sequence is not left open across them.
  for (const name of ['beginClip', 'endClip', 'beginVerticalAlignment', 'endVerticalAlignment']) wrap(draw, name, (self: Renderer) => leave(self.pdfDocument));
  const { renderPages } = draw;
  draw.renderPages = function (this: Renderer, pages: never) {
    renderPages!.call(this, pages);
    leave(this.pdfDocument);
  };
  const { endMarkings } = doc;
  doc.endMarkings = function (this: TaggingDoc) {
    const state = states.get(this);
    // The elements and the root (with the parent tree) go into object streams: some 70 bytes an element on their own.
    if (state?.root) inObjectStreams(this, () => this.addStructure(build(this, state, state.root!)), [this._root.data.StructTreeRoot!]);
    endMarkings!.call(this);
  };
}
