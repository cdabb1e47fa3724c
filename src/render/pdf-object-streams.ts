// Writes chosen objects of a pdfkit document into compressed object streams, listed by a cross-reference stream (PDF 1.5).
import { deflateSync } from 'node:zlib';

/** The pdfkit internals this works with: its references and its file writer. */
export interface PackedRef {
  id: number;
  buffer: unknown[];
  document: PackingDoc;
  finalize(): void;
}
export interface PackingDoc {
  ref(data?: unknown): PackedRef;
  _offsets: (number | null)[];
  _offset: number;
  _root: PackedRef;
  _info: PackedRef;
  _id: Buffer;
  _security?: unknown;
  _write(data: string | Buffer): void;
  _refEnd(ref: PackedRef): void;
  _finalize(): void;
  push(chunk: null): unknown;
}

/** Each document's objects held for object streams: number and body, in the order pdfkit ended them. */
const held = new WeakMap<PackingDoc, { id: number; body: string }[]>();
/** Objects a stream holds at most (readers decompress a whole stream to read one of its objects). */
const PER_STREAM = 500;

/** Ends `ref` into its document's object streams: pdfkit writes its body as usual, to a string instead of the file. */
function hold(ref: PackedRef): void {
  const doc = ref.document;
  if (ref.buffer.length > 0 || doc._security) return Object.getPrototypeOf(ref).finalize.call(ref);
  const { _write: write, _refEnd: refEnd } = doc;
  const written: string[] = [];
  doc._write = (data) => void written.push(String(data));
  doc._refEnd = () => {};
  try {
    Object.getPrototypeOf(ref).finalize.call(ref);
  } finally {
    doc._write = write;
    doc._refEnd = refEnd;
  }
  // "n 0 obj", the object, "endobj": the object alone goes into the stream.
  const objects = held.get(doc) ?? [];
  held.set(doc, objects);
  objects.push({ id: ref.id, body: written[1]! });
  doc._refEnd(ref);
}

/** Every object `make` creates in `doc`, and `also`, go into object streams. */
export function inObjectStreams<T>(doc: PackingDoc, make: () => T, also: PackedRef[] = []): T {
  const { ref } = doc;
  doc.ref = function (data) {
    const made = ref.call(this, data);
    made.finalize = () => hold(made);
    return made;
  };
  try {
    return make();
  } finally {
    doc.ref = ref;
    for (const r of also) r.finalize = () => hold(r);
  }
}

/**
 * Once on pdfkit's prototype: a document that holds objects for object streams ends with them (deflated, at most
 * PER_STREAM a stream) and a deflated cross-reference stream in place of the table, carrying the trailer's entries.
 */
export function objectStreamsOnce(pdfkit: object): void {
  const proto = pdfkit as PackingDoc & { briefingObjectStreams?: true };
  if (proto.briefingObjectStreams) return;
  proto.briefingObjectStreams = true;
  const { _finalize: finalize } = proto;
  proto._finalize = function (this: PackingDoc) {
    const objects = held.get(this);
    if (!objects?.length) return finalize.call(this);
    const where = new Map<number, [stream: number, index: number]>();
    const writeObject = (dict: string, data: Buffer) => {
      this._offsets.push(this._offset);
      const id = this._offsets.length;
      this._write(`${id} 0 obj`);
      this._write(`<<\n${dict}/Filter /FlateDecode\n/Length ${data.length}\n>>`);
      this._write('stream');
      this._write(data);
      this._write('\nendstream');
      this._write('endobj');
      return id;
    };
    for (let first = 0; first < objects.length; first += PER_STREAM) {
      const chunk = objects.slice(first, first + PER_STREAM);
      let offsets = '';
      let bodies = '';
      for (const o of chunk) {
        offsets += `${o.id} ${bodies.length} `;
        bodies += `${o.body}\n`;
      }
      const id = this._offsets.length + 1;
      chunk.forEach((o, i) => where.set(o.id, [id, i]));
      writeObject(`/Type /ObjStm\n/N ${chunk.length}\n/First ${offsets.length + 1}\n`, deflateSync(Buffer.from(`${offsets}\n${bodies}`, 'latin1')));
    }
    // The cross-reference stream lists itself: its entry is its offset, known before it is written.
    const xref = this._offset;
    const size = this._offsets.length + 2;
    const entries = Buffer.alloc(size * 7);
    entries.writeUInt16BE(0xffff, 5);
    for (let id = 1; id < size; id++) {
      const [type, field, index] = where.has(id) ? [2, ...where.get(id)!] : [1, id === size - 1 ? xref : this._offsets[id - 1]!, 0];
      entries.writeUInt8(type, id * 7);
      entries.writeUInt32BE(field, id * 7 + 1);
      entries.writeUInt16BE(index, id * 7 + 5);
    }
    const fileId = `<${this._id.toString('hex')}>`;
    writeObject(`/Type /XRef\n/Size ${size}\n/W [1 4 2]\n/Root ${this._root}\n/Info ${this._info}\n/ID [${fileId} ${fileId}]\n`, deflateSync(entries));
    this._write('startxref');
    this._write(`${xref}`);
    this._write('%%EOF');
    this.push(null);
  };
}
