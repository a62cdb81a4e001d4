// The one piece of a photo's Exif kept when its metadata goes: browsers turn a picture by its
// Orientation tag, so a phone photo taken sideways shows upright only while it has one.

const ORIENTATION = 0x0112;
const SHORT = 3;

/**
 * An Exif body (a TIFF: byte order, 42, the first directory's offset) holding only the
 * original's Orientation, or null when it had none to keep (upright, missing, unreadable).
 * Read with every offset checked, as the bytes are the uploader's.
 */
export function orientationOnly(tiff: Uint8Array): Uint8Array | null {
  if (tiff.length < 8) return null;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.length);
  if (view.getUint16(2, little) !== 42) return null;
  const directory = view.getUint32(4, little);
  if (directory + 2 > tiff.length) return null;
  const count = view.getUint16(directory, little);
  for (let i = 0, at = directory + 2; i < count && at + 12 <= tiff.length; i++, at += 12) {
    if (view.getUint16(at, little) !== ORIENTATION) continue;
    if (view.getUint16(at + 2, little) !== SHORT || view.getUint32(at + 4, little) !== 1) return null;
    const orientation = view.getUint16(at + 8, little);
    return orientation >= 2 && orientation <= 8 ? orientationTiff(orientation) : null;
  }
  return null;
}

/** Big-endian TIFF, one directory at offset 8 with one entry (Orientation, SHORT, 1 value), no next. */
const orientationTiff = (orientation: number) =>
  Uint8Array.of(
    ...[0x4d, 0x4d, 0, 42, 0, 0, 0, 8],
    ...[0, 1, 0x01, 0x12, 0, SHORT, 0, 0, 0, 1, 0, orientation, 0, 0],
    ...[0, 0, 0, 0],
  );
