// Whether an upload holds its whole image: a header alone gives a size, so a file cut short
// (a dropped connection, a half-synced photo) would pass and show as a broken image. Each
// format is followed to the end it names; bytes after it are allowed, as browsers ignore
// them and cameras append trailers (Exif data, a motion photo's video) after a JPEG.
import type { ImageType } from "@/lib/contract/views.ts";

const u32 = (bytes: Uint8Array, at: number, littleEndian = false) =>
  new DataView(bytes.buffer, bytes.byteOffset, bytes.length).getUint32(at, littleEndian);

/** PNG: chunks (length, type, data, CRC) from after the signature up to the IEND chunk. */
function pngWhole(bytes: Uint8Array): boolean {
  for (let at = 8; at + 12 <= bytes.length; at += 12 + u32(bytes, at)) {
    if (u32(bytes, at + 4) === 0x49454e44) return true; // "IEND"
  }
  return false;
}

// In a scan's data an FF is followed by 00, or is a restart marker (D0–D7).
const endsScan = (next: number) => next !== 0 && (next < 0xd0 || next > 0xd7);

/**
 * JPEG: segments from after SOI up to the EOI marker (FF D9), each with its length, a
 * scan's data running on to the next marker. Segments are skipped by their length, so an
 * EOI inside one (an Exif thumbnail's) is not taken for the image's own.
 */
function jpegWhole(bytes: Uint8Array): boolean {
  let at = 2;
  while (at + 1 < bytes.length) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1]!;
    if (marker === 0xd9) return true;
    // A fill byte before a marker.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (at + 3 >= bytes.length) return false;
    at += 2 + (bytes[at + 2]! << 8 | bytes[at + 3]!);
    if (marker !== 0xda) continue;
    while (at + 1 < bytes.length && !(bytes[at] === 0xff && endsScan(bytes[at + 1]!))) at++;
  }
  return false;
}

/** WebP: as long as its RIFF header says ("RIFF", size of the rest, then the rest). */
const webpWhole = (bytes: Uint8Array) => bytes.length >= 8 + u32(bytes, 4, true);

/** True when the bytes, already known to be of `type`, run to the end their format names. */
export function isWhole(bytes: Uint8Array, type: ImageType): boolean {
  if (type === "image/png") return pngWhole(bytes);
  if (type === "image/jpeg") return jpegWhole(bytes);
  return webpWhole(bytes);
}
