// Reading an image's parts, and writing the parts kept of it. Shared by the whole-image check
// and by the metadata strippers, which walk the same chunks and segments.

/** More parts (chunks, segments) than any camera or editor writes. */
export const MAX_PARTS = 1_000;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
export const u16 = (bytes: Uint8Array, at: number) => view(bytes).getUint16(at);
export const u32 = (bytes: Uint8Array, at: number, littleEndian = false) =>
  view(bytes).getUint32(at, littleEndian);
export const fourcc = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
export const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Whether the bytes at `at` spell `text`. */
export const spells = (bytes: Uint8Array, text: string, at = 0) =>
  ascii(text).every((c, i) => bytes[at + i] === c);

/** Where a JPEG scan's data, from `at`, ends: at an FF that is not followed by 00 or a restart (D0–D7). */
export function scanEnd(bytes: Uint8Array, at: number): number {
  const endsScan = (next: number) => next !== 0 && (next < 0xd0 || next > 0xd7);
  while (at + 1 < bytes.length && !(bytes[at] === 0xff && endsScan(bytes[at + 1]!))) at++;
  return at;
}

/**
 * The parts kept, copied one after another into one buffer: the input's size plus `room` for
 * a header written anew, so a file of many small parts costs one copy, not an array of them.
 */
export class Kept {
  #bytes: Uint8Array;
  #length = 0;

  constructor(size: number, room = 64) {
    this.#bytes = new Uint8Array(size + room);
  }

  put(...parts: (Uint8Array | number[])[]): void {
    for (const part of parts) {
      this.#bytes.set(part, this.#length);
      this.#length += part.length;
    }
  }

  /** The bytes so far, in a buffer of their own size. */
  bytes(): Uint8Array<ArrayBuffer> {
    return this.#bytes.slice(0, this.#length);
  }
}
