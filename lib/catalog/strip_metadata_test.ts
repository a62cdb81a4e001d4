import { imageSize } from "image-size";
import { assert, assertEquals } from "@/tests/assert.ts";
import { JPEG_BYTES, PNG_BYTES, WEBP_BYTES } from "@/tests/fixtures/images.ts";
import {
  ADOBE,
  ascii,
  concat,
  exifTiff,
  ICC,
  JFIF,
  photoJpeg,
  pngChunk as chunk,
  PRIVATE_WORDS,
  segment,
} from "@/tests/fixtures/photo_metadata.ts";
import { orientationOnly } from "./exif_orientation.ts";
import { stripJpeg } from "./strip_jpeg.ts";
import { stripPng } from "./strip_png.ts";
import { stripWebp } from "./strip_webp.ts";

const text = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes);

function assertPrivateGone(bytes: Uint8Array | null): asserts bytes is Uint8Array {
  assert(bytes, "stripped");
  for (const word of PRIVATE_WORDS) assert(!text(bytes).includes(word), `${word} is gone`);
}

/** Each prefix and each byte set to 00 and FF: a stripper returns bytes or null, never throws. */
function assertNeverThrows(strip: (bytes: Uint8Array) => Uint8Array | null, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; at++) {
    for (const changed of [bytes.subarray(0, at), bytes.with(at, 0), bytes.with(at, 0xff)]) {
      const stripped = strip(changed);
      assert(stripped === null || stripped.length <= changed.length + 64, `at ${at}`);
    }
  }
}

const orientationTiff = (orientation: number) =>
  concat(ascii("MM\0*\0\0\0\x08"), [0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);

Deno.test("orientationOnly() keeps a turned photo's Orientation alone, and nothing of an upright or unreadable one", () => {
  for (const orientation of [2, 6, 8]) {
    const kept = orientationOnly(exifTiff(orientation));
    assertEquals(kept, orientationTiff(orientation));
    assertPrivateGone(kept);
  }
  for (
    const tiff of [
      exifTiff(),
      exifTiff(1),
      exifTiff(9),
      exifTiff(6).subarray(0, 20),
      ascii("MM\0*\xff\xff\xff\xff"),
    ]
  ) {
    assertEquals(orientationOnly(tiff), null);
  }
  // A directory saying it has 65,535 entries in a few bytes.
  assertEquals(orientationOnly(ascii("II*\0\x08\0\0\0\xff\xff\x12\x01")), null);
});

Deno.test("stripJpeg() drops Exif, XMP, IPTC, comments, JFIF's thumbnail and the trailer, and keeps what decoders read", () => {
  const stripped = stripJpeg(photoJpeg());
  assertPrivateGone(stripped);
  assertEquals(stripped, concat(JPEG_BYTES.subarray(0, 2), JFIF, ICC, ADOBE, JPEG_BYTES.subarray(2)));
  assertEquals(stripJpeg(JPEG_BYTES), JPEG_BYTES, "a JPEG with nothing to drop stays as it was");
});

Deno.test("stripJpeg() keeps a turned photo turned: an Exif of its Orientation alone", () => {
  const stripped = stripJpeg(photoJpeg(6));
  assertPrivateGone(stripped);
  const exif = segment(0xe1, ascii("Exif\0\0"), orientationTiff(6));
  assertEquals(stripped, concat(JPEG_BYTES.subarray(0, 2), JFIF, exif, ICC, ADOBE, JPEG_BYTES.subarray(2)));
  assertEquals(imageSize(stripped).orientation, 6, "as a reader of Exif sees it");
  assertEquals(stripJpeg(photoJpeg(1))?.length, stripJpeg(photoJpeg())?.length, "upright needs no Exif");
});

Deno.test("stripJpeg() refuses segments that do not add up, and never throws on a damaged file", () => {
  const body = JPEG_BYTES.subarray(2);
  for (
    const bad of [
      JPEG_BYTES.subarray(0, -2), // no end
      concat([0xff, 0xd8, 0xff, 0xe1, 0, 1], body), // a length under its own two bytes
      concat([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0], body.subarray(0, 10)), // past the end
      concat([0xff, 0xd8, 0x00], body), // not a marker
    ]
  ) {
    assertEquals(stripJpeg(bad), null);
  }
  assertNeverThrows(stripJpeg, photoJpeg(6));
});

// PNG_BYTES: its signature, IHDR (8 + 25 bytes), IDAT, IEND (12 bytes).
const SIGNATURE_IHDR = PNG_BYTES.subarray(0, 33), IDAT = PNG_BYTES.subarray(33, -12);
const IEND = PNG_BYTES.subarray(-12);
const RENDERING = [chunk("gAMA", "\0\0\xb1\x8f"), chunk("pHYs", "\0\0\x0b\x13\0\0\x0b\x13\x01")];
const APNG = [chunk("acTL", "\0\0\0\x01\0\0\0\0"), chunk("fcTL", new Uint8Array(26))];

const photoPng = (orientation?: number) =>
  concat(
    SIGNATURE_IHDR,
    ...RENDERING,
    chunk("tEXt", "Author\0Jane Doe, 12 Home St"),
    chunk("zTXt", "Comment\0\0x\x9c SN-998877"),
    chunk("iTXt", "XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>48.8584N</x:xmpmeta>"),
    chunk("eXIf", exifTiff(orientation)),
    chunk("tIME", "\x07\xe8\x01\x02\x03\x04\x05"),
    chunk("prVt", "an app's own notes"),
    ...APNG,
    IDAT,
    IEND,
    ascii("SN-998877 after the end"),
  );

Deno.test("stripPng() drops text, Exif, time, unknown chunks and the trailer, and keeps the picture's chunks byte for byte", () => {
  const stripped = stripPng(photoPng());
  assertPrivateGone(stripped);
  assertEquals(stripped, concat(SIGNATURE_IHDR, ...RENDERING, ...APNG, IDAT, IEND));
  assertEquals(stripPng(PNG_BYTES), PNG_BYTES);
  const turned = stripPng(photoPng(8));
  assertPrivateGone(turned);
  assertEquals(
    turned,
    concat(SIGNATURE_IHDR, ...RENDERING, chunk("eXIf", orientationTiff(8)), ...APNG, IDAT, IEND),
  );
});

Deno.test("stripPng() refuses chunks that do not add up, and never throws on a damaged file", () => {
  const huge = concat(SIGNATURE_IHDR, [0xff, 0xff, 0xff, 0xff], ascii("tEXt"), IDAT, IEND);
  for (const bad of [PNG_BYTES.subarray(0, -12), PNG_BYTES.subarray(0, -1), huge]) {
    assertEquals(stripPng(bad), null);
  }
  assertNeverThrows(stripPng, photoPng(6));
  // Many small eXIf chunks, each readable: the first only is kept.
  const small = chunk("eXIf", orientationTiff(6).subarray(0, 22));
  const many = concat(SIGNATURE_IHDR, ...Array(100).fill(small), IDAT, IEND);
  assertEquals(stripPng(many), concat(SIGNATURE_IHDR, chunk("eXIf", orientationTiff(6)), IDAT, IEND));
});

/** A WebP chunk: type, little-endian size, data, a pad byte when the size is odd. */
function webpChunk(type: string, data: Uint8Array | string): Uint8Array {
  const body = typeof data === "string" ? ascii(data) : data;
  return concat(ascii(type), [body.length & 0xff, body.length >> 8, 0, 0], body, body.length & 1 ? [0] : []);
}
const riff = (...chunks: Uint8Array[]) => {
  const body = concat(ascii("WEBP"), ...chunks);
  return concat(ascii("RIFF"), [body.length & 0xff, body.length >> 8, 0, 0], body);
};
/** VP8X with its flags (ICC 0x20, EXIF 0x08, XMP 0x04) and a 1×1 canvas. */
const vp8x = (flags: number) => webpChunk("VP8X", Uint8Array.of(flags, 0, 0, 0, 0, 0, 0, 0, 0, 0));
const ICCP = webpChunk("ICCP", "odd"), VP8L = WEBP_BYTES.subarray(12);

Deno.test("stripWebp() drops EXIF, XMP and unknown chunks with their flags, and keeps the picture's chunks byte for byte", () => {
  const photo = concat(
    riff(
      vp8x(0x20 | 0x08 | 0x04),
      ICCP,
      VP8L,
      webpChunk("EXIF", exifTiff(6)),
      webpChunk("XMP ", "<x:xmpmeta>Jane Doe</x:xmpmeta>"),
      webpChunk("NOTE", "SN-998877"),
    ),
    ascii("48.8584N after the end"),
  );
  const stripped = stripWebp(photo);
  assertPrivateGone(stripped);
  assertEquals(stripped, riff(vp8x(0x20), ICCP, VP8L));
  assertEquals(stripWebp(WEBP_BYTES), WEBP_BYTES);
  // A last chunk of odd size whose pad byte is missing gets one.
  const unpadded = riff(vp8x(0), VP8L, ICCP).subarray(0, -1);
  unpadded[4]! -= 1;
  assertEquals(stripWebp(unpadded), riff(vp8x(0), VP8L, ICCP));
});

Deno.test("stripWebp() refuses chunks that do not add up, and never throws on a damaged file", () => {
  const longer = WEBP_BYTES.slice();
  longer[4]! += 2; // the RIFF says it runs past the file's end
  const overrun = riff(VP8L, ascii("EXIF\xff\xff\0\0Jane"));
  for (const bad of [WEBP_BYTES.subarray(0, 11), longer, overrun]) assertEquals(stripWebp(bad), null);
  assertNeverThrows(stripWebp, riff(vp8x(0x2c), ICCP, VP8L, webpChunk("EXIF", exifTiff(6))));
});

Deno.test("a file of more parts than the whole-image check reads is refused at once, not walked to its end", () => {
  const many = (n: number) => Array.from({ length: n }, () => webpChunk("XXXX", ""));
  assertEquals(stripWebp(riff(VP8L, ...many(1_000))), null, "a picture, then a thousand empty chunks");
  assert(stripWebp(riff(VP8L, ...many(900))), "nine hundred pass");
  const restarts = new Uint8Array(2 * 2_000).map((_, i) => i % 2 ? 0xd0 : 0xff);
  assertEquals(stripJpeg(concat(JPEG_BYTES.subarray(0, 2), restarts, JPEG_BYTES.subarray(2))), null);
  const pngMany = concat(SIGNATURE_IHDR, ...Array.from({ length: 1_000 }, () => chunk("xxXx")), IDAT, IEND);
  assertEquals(stripPng(pngMany), null);
});
