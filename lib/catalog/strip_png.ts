// A PNG without what its maker wrote about it: text (tEXt, zTXt, iTXt: an author, an address,
// a prompt), Exif (eXIf), the time it was saved (tIME), chunks nobody knows and whatever follows
// IEND go. Critical chunks and those that change how it looks (transparency, colour, gamma,
// pixel size, APNG's frames) stay byte for byte. A turned photo keeps an eXIf of its
// Orientation alone, for the browsers that read it (Chromium does).
import { crc32 } from "node:zlib";
import { orientationOnly } from "./exif_orientation.ts";
import { ascii, fourcc, Kept, MAX_PARTS, u32 } from "./image_bytes.ts";

/** Ancillary chunks that change the picture shown. */
const RENDERING = new Set([
  "tRNS",
  "gAMA",
  "cHRM",
  "sRGB",
  "iCCP",
  "sBIT",
  "pHYs",
  "bKGD",
  "cICP",
  "mDCV",
  "cLLI",
  "acTL",
  "fcTL",
  "fdAT",
]);

/** The PNG with its metadata dropped, or null when its chunks do not add up. */
export function stripPng(bytes: Uint8Array): Uint8Array | null {
  const kept = new Kept(bytes.length);
  kept.put(bytes.subarray(0, 8));
  let orientationRead = false;
  for (let at = 8, parts = 0; at + 12 <= bytes.length; parts++) {
    const end = at + 12 + u32(bytes, at);
    if (end > bytes.length || parts >= MAX_PARTS) return null;
    const type = fourcc(bytes, at + 4);
    // A chunk's name in capitals is critical: a decoder that does not know it stops.
    const critical = (bytes[at + 4]! & 0x20) === 0;
    if (critical || RENDERING.has(type)) kept.put(bytes.subarray(at, end));
    else if (type === "eXIf" && !orientationRead) {
      // A PNG has one; more would each grow by the few bytes of a new header.
      orientationRead = true;
      const tiff = orientationOnly(bytes.subarray(at + 8, end - 4));
      if (tiff) kept.put(chunk("eXIf", tiff));
    }
    if (type === "IEND") return kept.bytes();
    at = end;
  }
  return null;
}

/** A chunk: data length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(12 + data.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, data.length);
  bytes.set(ascii(type), 4);
  bytes.set(data, 8);
  view.setUint32(8 + data.length, crc32(bytes.subarray(4, 8 + data.length)));
  return bytes;
}
