// A WebP without what its maker wrote about it: the EXIF and XMP chunks (and their flags in the
// VP8X header), chunks nobody knows and whatever follows the RIFF's end go. The picture (VP8,
// VP8L, ALPH), animation (ANIM, ANMF) and colour profile (ICCP) stay byte for byte. Chromium
// does not turn a WebP by its EXIF, so no Orientation is kept.
import { fourcc, Kept, MAX_PARTS, spells, u32 } from "./image_bytes.ts";

const KEPT = new Set(["VP8X", "VP8 ", "VP8L", "ALPH", "ANIM", "ANMF", "ICCP"]);
/** VP8X's flags byte: EXIF (bit 3) and XMP (bit 2) say those chunks are present. */
const METADATA_FLAGS = 0x08 | 0x04;

/** The WebP with its metadata dropped, or null when its chunks do not add up. */
export function stripWebp(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length < 12 || !spells(bytes, "WEBP", 8)) return null;
  const end = 8 + u32(bytes, 4, true);
  if (end > bytes.length) return null;
  const kept = new Kept(bytes.length);
  kept.put(bytes.subarray(0, 12));
  // As many chunks as the whole-image check reads at most: past it, no picture a shop shows.
  for (let at = 12, parts = 0; at < end; parts++) {
    if (at + 8 > end || parts >= MAX_PARTS) return null;
    const size = u32(bytes, at + 4, true);
    const next = at + 8 + size;
    if (next > end) return null;
    const type = fourcc(bytes, at);
    if (KEPT.has(type)) {
      const part = bytes.subarray(at, next);
      if (type !== "VP8X" || size === 0) kept.put(part);
      else kept.put(part.subarray(0, 8), [part[8]! & ~METADATA_FLAGS], part.subarray(9));
      // Chunks are padded to an even size; a last one's pad may be missing.
      if (size & 1) kept.put([0]);
    }
    at = next + (size & 1);
  }
  const stripped = kept.bytes();
  new DataView(stripped.buffer).setUint32(4, stripped.length - 8, true);
  return stripped;
}
