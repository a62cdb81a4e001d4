import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import {
  filesUnder,
  JPEG_BYTES,
  PNG_BYTES,
  pngOfSize,
  pngSized,
  TEXT_BYTES,
  WEBP_BYTES,
} from "@/tests/fixtures/images.ts";
import { photoJpeg, pngWithText, PRIVATE_WORDS } from "@/tests/fixtures/photo_metadata.ts";
import { DomainError, type ErrorKind } from "@/lib/core/errors.ts";
import { withTempDir } from "@/tests/temp_dir.ts";
import {
  deleteImage,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_PIXELS,
  MAX_IMAGE_SIDE,
  readImage,
  saveImage,
  sniffImage,
} from "./images.ts";

const withDir = (fn: (dir: string) => Promise<void>) => withTempDir("showfloor-images-", fn);

/** The message of the DomainError `save` throws, having checked its kind and code. */
async function refused(save: () => Promise<unknown>, kind: ErrorKind, code: string): Promise<string> {
  const error = await assertRejects(save);
  assert(error instanceof DomainError, String(error));
  assertEquals([error.kind, error.code], [kind, code]);
  return error.message;
}

Deno.test("sniffImage() knows PNG, JPEG and WebP by their bytes and nothing else", () => {
  assertEquals(sniffImage(PNG_BYTES), "image/png");
  assertEquals(sniffImage(JPEG_BYTES), "image/jpeg");
  assertEquals(sniffImage(WEBP_BYTES), "image/webp");
  for (
    const bytes of [
      TEXT_BYTES,
      new Uint8Array(),
      PNG_BYTES.subarray(0, 7),
      new TextEncoder().encode("RIFF\x00\x00\x00\x00WAVEfmt "),
      new TextEncoder().encode("GIF89a"),
    ]
  ) {
    assertEquals(sniffImage(bytes), null);
  }
});

Deno.test("saveImage() stores the bytes under a random id carrying the type; readImage() returns them", () =>
  withDir(async (dir) => {
    const saved = await saveImage(dir, WEBP_BYTES);
    assertEquals(saved.type, "image/webp");
    assert(/^[0-9a-f]{32}\.webp$/.test(saved.id), saved.id);
    assertEquals(await filesUnder(dir), [saved.id], "no temporary file left behind");
    const read = await readImage(dir, saved.id);
    assertEquals([read?.type, read?.size], ["image/webp", WEBP_BYTES.length]);
    assertEquals(new Uint8Array(await new Response(read!.body).arrayBuffer()), WEBP_BYTES);
    assert((await saveImage(dir, WEBP_BYTES)).id !== saved.id, "ids are never reused");
  }));

Deno.test("saveImage() refuses an empty, oversized or non-image file with a 4xx and writes nothing", () =>
  withDir(async (dir) => {
    await refused(() => saveImage(dir, new Uint8Array()), "invalid", "empty_image");
    await refused(() => saveImage(dir, pngOfSize(MAX_IMAGE_BYTES + 1)), "too_large", "image_too_large");
    await refused(() => saveImage(dir, TEXT_BYTES), "unsupported", "unsupported_image");
    assertEquals(await filesUnder(dir), []);
    assertEquals(
      (await saveImage(dir, pngOfSize(MAX_IMAGE_BYTES))).type,
      "image/png",
      "5 MB exactly is fine",
    );
  }));

Deno.test("saveImage() refuses an image whose size cannot be read, is nothing, or would take too much to decode", () =>
  withDir(async (dir) => {
    const side = MAX_IMAGE_SIDE + 1;
    const tooMany = MAX_IMAGE_PIXELS / 5_000 + 1;
    for (const [width, height] of [[30_000, 30_000], [side, 1], [1, side], [5_000, tooMany]]) {
      await refused(() => saveImage(dir, pngSized(width!, height!)), "invalid", "image_dimensions");
    }
    // Cut before its size: refused as cut short, before its size is looked for.
    for (const cut of [PNG_BYTES.subarray(0, 12), JPEG_BYTES.subarray(0, 20), WEBP_BYTES.subarray(0, 12)]) {
      await refused(() => saveImage(dir, cut), "invalid", "image_truncated");
    }
    for (const [width, height] of [[0, 0], [0, 10], [10, 0]]) {
      await refused(() => saveImage(dir, pngSized(width!, height!)), "invalid", "damaged_image");
    }
    assertEquals(await filesUnder(dir), []);
    for (const [width, height] of [[8_000, 6_000], [MAX_IMAGE_SIDE, 5_000]]) {
      assertEquals(
        (await saveImage(dir, pngSized(width!, height!))).type,
        "image/png",
        `${width} × ${height} fits`,
      );
    }
  }));

// A JPEG whose first segment holds another's start and end markers, as an Exif thumbnail does.
const APP1 = [0xff, 0xe1, 0, 6, 0xff, 0xd8, 0xff, 0xd9];
const THUMBNAILED = new Uint8Array([0xff, 0xd8, ...APP1, ...JPEG_BYTES.subarray(2)]);
// What phones append after an image: a trailer, here holding marker-like bytes.
const trailed = (bytes: Uint8Array) => new Uint8Array([...bytes, 0xff, 0xda, 0, 4, 1, 2, 0, 0]);

Deno.test("saveImage() refuses a PNG, JPEG or WebP cut short of its end, and writes nothing", () =>
  withDir(async (dir) => {
    for (
      const cut of [
        PNG_BYTES.subarray(0, 33), // the signature and size only
        PNG_BYTES.subarray(0, -1),
        JPEG_BYTES.subarray(0, -2), // no end marker
        JPEG_BYTES.subarray(0, -3),
        THUMBNAILED.subarray(0, -2),
        WEBP_BYTES.subarray(0, 25),
        WEBP_BYTES.subarray(0, -1),
      ]
    ) {
      await refused(() => saveImage(dir, cut), "invalid", "image_truncated");
    }
    assertEquals(await filesUnder(dir), []);
  }));

Deno.test("saveImage() keeps a whole image, with a thumbnail inside or bytes after its end", () =>
  withDir(async (dir) => {
    for (
      const [bytes, type] of [
        [PNG_BYTES, "image/png"],
        [JPEG_BYTES, "image/jpeg"],
        [WEBP_BYTES, "image/webp"],
        [THUMBNAILED, "image/jpeg"],
        [trailed(JPEG_BYTES), "image/jpeg"],
        [trailed(PNG_BYTES), "image/png"],
        [trailed(WEBP_BYTES), "image/webp"],
      ] as const
    ) {
      assertEquals((await saveImage(dir, bytes)).type, type);
    }
  }));

Deno.test("saveImage() stores a photo without its metadata, and counts the bytes stored", () =>
  withDir(async (dir) => {
    const saved = await saveImage(dir, photoJpeg(6));
    const stored = await Deno.readFile(`${dir}/${saved.id}`);
    const text = new TextDecoder("latin1").decode(stored);
    for (const word of PRIVATE_WORDS) assert(!text.includes(word), `${word} is not stored`);
    assertEquals(saved.bytes, stored.length);
    assert(stored.length < photoJpeg(6).length);
    // A picture, then a chunk running past the file's end: whole enough to show, not to strip.
    const overrun = new Uint8Array([...WEBP_BYTES, 0x45, 0x58, 0x49, 0x46, 0xff, 0, 0, 0]); // "EXIF", 255 bytes
    overrun[4]! += 8;
    await refused(() => saveImage(dir, overrun), "invalid", "image_truncated");
    assertEquals(await filesUnder(dir), [saved.id]);
  }));

Deno.test("readImage() and deleteImage() ignore unknown and malformed ids, so no path escapes the folder", () =>
  withDir(async (dir) => {
    const saved = await saveImage(dir, PNG_BYTES);
    for (const id of ["0".repeat(32) + ".png", "../etc/passwd", `.${saved.id}.tmp`, saved.id.toUpperCase()]) {
      assertEquals(await readImage(dir, id), null, id);
      await deleteImage(dir, id);
    }
    assertEquals(await filesUnder(dir), [saved.id]);
    await deleteImage(dir, saved.id);
    assertEquals(await readImage(dir, saved.id), null);
    assertEquals(await filesUnder(dir), []);
  }));

/** A WebP file of `chunks`: "RIFF", the size of what follows (little-endian), "WEBP", them. */
function riff(chunks: number[]): Uint8Array {
  const size = 4 + chunks.length;
  return new Uint8Array([
    0x52,
    0x49,
    0x46,
    0x46,
    size & 0xff,
    size >> 8 & 0xff,
    size >> 16,
    0,
    0x57,
    0x45,
    0x42,
    0x50,
    ...chunks,
  ]);
}

Deno.test("saveImage() refuses a file with no picture in it as damaged", () =>
  withDir(async (dir) => {
    // A PNG's header and end with no pixels; a WebP of nothing, and of its extended header alone.
    const noPixels = new Uint8Array([...PNG_BYTES.subarray(0, 33), ...PNG_BYTES.subarray(-12)]);
    const vp8x = [0x56, 0x50, 0x38, 0x58, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    for (const bytes of [noPixels, riff([]), riff(vp8x)]) {
      await refused(() => saveImage(dir, bytes), "invalid", "image_truncated");
    }
    assertEquals(await filesUnder(dir), []);
  }));

Deno.test("saveImage() refuses a file of thousands of parts as too complex, not as damaged (uploading it again would not help)", () =>
  withDir(async (dir) => {
    // 2,000 empty scans, then an end: no camera writes that, and reading it would keep the server busy.
    const scans = Array.from({ length: 2_000 }, () => [0xff, 0xda, 0, 2]).flat();
    const manyScans = new Uint8Array([0xff, 0xd8, ...scans, 0xff, 0xd9]);
    // A picture, then 1,000 empty chunks.
    const emptyChunks = Array.from({ length: 1_000 }, () => [0x58, 0x58, 0x58, 0x58, 0, 0, 0, 0]).flat();
    const manyChunks = riff([...WEBP_BYTES.subarray(12), ...emptyChunks]);
    for (const bytes of [manyScans, manyChunks, pngWithText(5_000)]) {
      const message = await refused(() => saveImage(dir, bytes), "invalid", "image_too_complex");
      assertEquals(
        message,
        "This image file has too many parts (over 1,000). Save it again as a plain PNG, JPEG or WebP and upload that.",
      );
    }
    assert(await saveImage(dir, pngWithText(900)), "nine hundred notes pass");
  }));
