// One gzip stream from parts compressed apart: a kept page's fixed parts are deflated once,
// each ending on a byte boundary (Z_SYNC_FLUSH) so that any deflate data may follow; a
// request's own values go in as stored blocks; an empty final block closes the stream.
// Every gzip decoder reads it as one member, and a request costs a copy and a CRC.
import { constants, crc32, deflateRawSync } from "node:zlib";

/** A part to send: deflated once (a kept part), or as it is (a request's own value). */
export interface Part {
  raw: Uint8Array;
  deflated?: Uint8Array;
}

const HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
/** A final, empty block with fixed codes: BFINAL=1, BTYPE=01, end-of-block. */
const FINAL = Uint8Array.of(0x03, 0x00);
const STORED_MAX = 0xffff;

/** `raw` deflated to end on a byte boundary, ready for more blocks after it. */
export function deflatePart(raw: Uint8Array): Uint8Array {
  return deflateRawSync(raw, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
}

/** The parts in order, as one gzip stream. */
export function gzipParts(parts: Part[]): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [HEADER];
  let crc = 0, length = 0;
  for (const { raw, deflated } of parts) {
    crc = crc32(raw, crc);
    length += raw.length;
    if (deflated) chunks.push(deflated);
    else chunks.push(...stored(raw));
  }
  const trailer = new Uint8Array(8);
  new DataView(trailer.buffer).setUint32(0, crc >>> 0, true);
  new DataView(trailer.buffer).setUint32(4, length >>> 0, true);
  chunks.push(FINAL, trailer);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
}

/** `raw` as stored (uncompressed) blocks: BFINAL=0, BTYPE=00, its length and that length's complement. */
function stored(raw: Uint8Array): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  for (let at = 0; at < raw.length; at += STORED_MAX) {
    const piece = raw.subarray(at, at + STORED_MAX);
    const head = new Uint8Array(5);
    new DataView(head.buffer).setUint16(1, piece.length, true);
    new DataView(head.buffer).setUint16(3, ~piece.length & 0xffff, true);
    blocks.push(head, piece);
  }
  return blocks;
}
