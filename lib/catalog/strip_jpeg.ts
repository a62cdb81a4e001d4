// A JPEG without what the camera or editor wrote about it: Exif (GPS position, owner, camera
// serial, a thumbnail of the photo before any crop), XMP, IPTC, comments, makers' own
// segments and whatever follows the end (a motion photo's video) go. What decoders read stays
// byte for byte: frames, tables, scans, JFIF (less its thumbnail), the ICC colour profile and
// Adobe's colour transform; a turned photo keeps an Exif of its Orientation alone.
import { orientationOnly } from "./exif_orientation.ts";
import { ascii, Kept, MAX_PARTS, scanEnd, spells, u16 } from "./image_bytes.ts";

const APP0 = 0xe0, APP1 = 0xe1, APP2 = 0xe2, APP14 = 0xee, COM = 0xfe, SOS = 0xda, EOI = 0xd9;
const EXIF = "Exif\0\0";

// Markers that stand alone, with no length: TEM and the restarts.
const standsAlone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
const isMetadata = (marker: number) => (marker >= APP0 && marker <= 0xef) || marker === COM;

/** The JPEG with its metadata dropped, or null when its segments do not add up. */
export function stripJpeg(bytes: Uint8Array): Uint8Array | null {
  const kept = new Kept(bytes.length);
  kept.put(bytes.subarray(0, 2));
  let orientationRead = false;
  // Markers and fill bytes count as parts, as many as the whole-image check reads at most.
  for (let at = 2, parts = 0; at + 1 < bytes.length; parts++) {
    if (bytes[at] !== 0xff || parts >= MAX_PARTS) return null;
    const marker = bytes[at + 1]!;
    // A fill byte before a marker.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === EOI) {
      kept.put(bytes.subarray(at, at + 2));
      return kept.bytes();
    }
    if (standsAlone(marker)) {
      kept.put(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (at + 4 > bytes.length) return null;
    const length = u16(bytes, at + 2);
    let end = at + 2 + length;
    if (length < 2 || end > bytes.length) return null;
    const data = bytes.subarray(at + 4, end);
    if (!isMetadata(marker)) {
      if (marker === SOS) end = scanEnd(bytes, end);
      kept.put(bytes.subarray(at, end));
    } else if (marker === APP0 && spells(data, "JFIF\0") && data.length >= 14) {
      // Its version, units and density; a thumbnail of 0 × 0.
      kept.put([0xff, APP0, 0, 16], data.subarray(0, 12), [0, 0]);
    } else if (marker === APP1 && spells(data, EXIF) && !orientationRead) {
      // Browsers read the first Exif only.
      orientationRead = true;
      const tiff = orientationOnly(data.subarray(EXIF.length));
      if (tiff) kept.put([0xff, APP1, 0, 2 + EXIF.length + tiff.length], ascii(EXIF), tiff);
    } else if (
      (marker === APP2 && spells(data, "ICC_PROFILE\0")) || (marker === APP14 && spells(data, "Adobe"))
    ) {
      kept.put(bytes.subarray(at, end));
    }
    at = end;
  }
  return null;
}
