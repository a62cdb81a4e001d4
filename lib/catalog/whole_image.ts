// Whether an upload holds its whole image: a header alone gives a size, so a file cut short
// (a dropped connection, a half-synced photo), or one with no picture in it, would pass and
// show as a broken image. Each format is followed to the end it names, through the parts
// that hold its picture; bytes after the end are allowed (and dropped by strip_*.ts), as
// browsers ignore them and cameras append trailers (Exif data, a motion photo's video) after
// a JPEG. A file of thousands of parts is no photo, and would keep the server busy reading it
// (image-size walks a JPEG segment by segment), so it is refused first, as that: saving it
// again as a plain image mends it, where uploading it again would not.
import type { ImageType } from "@/lib/contract/views.ts";
import { fourcc, MAX_PARTS, scanEnd, u32 } from "./image_bytes.ts";

/** What an upload's parts say: it is whole, it is cut short (or holds no picture), or it has more parts than a photo. */
export type Wholeness = "whole" | "damaged" | "too_many_parts";

/** PNG: chunks (length, type, data, CRC) from after the signature up to IEND, with pixels (IDAT) before it. */
function pngWhole(bytes: Uint8Array): Wholeness {
  let pixels = false;
  for (let at = 8, parts = 0; at + 12 <= bytes.length; at += 12 + u32(bytes, at), parts++) {
    if (parts >= MAX_PARTS) return "too_many_parts";
    const type = fourcc(bytes, at + 4);
    if (type === "IEND") return pixels ? "whole" : "damaged";
    pixels ||= type === "IDAT";
  }
  return "damaged";
}

/**
 * JPEG: segments from after SOI up to the EOI marker (FF D9), each with its length, a
 * scan's data running on to the next marker. Segments are skipped by their length, so an
 * EOI inside one (an Exif thumbnail's) is not taken for the image's own.
 */
function jpegWhole(bytes: Uint8Array): Wholeness {
  let at = 2;
  for (let parts = 0; at + 1 < bytes.length; parts++) {
    if (parts >= MAX_PARTS) return "too_many_parts";
    if (bytes[at] !== 0xff) return "damaged";
    const marker = bytes[at + 1]!;
    if (marker === 0xd9) return "whole";
    // A fill byte before a marker.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (at + 3 >= bytes.length) return "damaged";
    at += 2 + (bytes[at + 2]! << 8 | bytes[at + 3]!);
    if (marker !== 0xda) continue;
    at = scanEnd(bytes, at);
  }
  return "damaged";
}

/** Chunks of a WebP that hold a picture: a still one's (lossy, lossless), or an animation's frames. */
const PICTURES = new Set(["VP8 ", "VP8L", "ANMF"]);

/**
 * WebP: as long as its RIFF header says ("RIFF", size of the rest, "WEBP", then chunks of
 * type, size and data, each padded to an even length), with a picture among its chunks.
 * Every chunk is counted, as strip_webp.ts walks them all.
 */
function webpWhole(bytes: Uint8Array): Wholeness {
  const end = 8 + u32(bytes, 4, true);
  if (bytes.length < end) return "damaged";
  let picture = false;
  for (let at = 12, parts = 0; at + 8 <= end; parts++) {
    if (parts >= MAX_PARTS) return "too_many_parts";
    const size = u32(bytes, at + 4, true);
    if (at + 8 + size > end) return "damaged";
    picture ||= PICTURES.has(fourcc(bytes, at));
    at += 8 + size + (size & 1);
  }
  return picture ? "whole" : "damaged";
}

/** Whether the bytes, already known to be of `type`, run to the end their format names, with a picture. */
export function wholeness(bytes: Uint8Array, type: ImageType): Wholeness {
  if (type === "image/png") return pngWhole(bytes);
  if (type === "image/jpeg") return jpegWhole(bytes);
  return webpWhole(bytes);
}
