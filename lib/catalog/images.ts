// Product images on disk (KV values stop at 64 KiB). The type comes from the bytes, never
// the file name; ids are random with the type's extension, so a URL names no user path and
// the file's type is known without a lookup. Files appear whole or not at all: written to
// a temporary name, then renamed.
import { join } from "node:path";
import { imageSize } from "image-size";
import type { ImageType } from "@/lib/contract/views.ts";
import { DomainError, invalid } from "@/lib/core/errors.ts";
import { MAX_PARTS, spells } from "./image_bytes.ts";
import { stripJpeg } from "./strip_jpeg.ts";
import { stripPng } from "./strip_png.ts";
import { stripWebp } from "./strip_webp.ts";
import { wholeness } from "./whole_image.ts";

/** 5 MB, the largest image a seller may upload. */
export const MAX_IMAGE_BYTES = 5_000_000;

/**
 * The most pixels an image may have, and per side. A phone's largest photo fits; an image of
 * a few kilobytes that says 30,000 × 30,000 (gigabytes to decode on every viewer's phone)
 * does not.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;
export const MAX_IMAGE_SIDE = 10_000;

/** Body limit for API routes that take an image: the image plus room for the other fields. */
export const IMAGE_UPLOAD_BODY_LIMIT = MAX_IMAGE_BYTES + 500_000;

/**
 * Body limit for studio pages that take an image: roomier, so that a phone photo over 5 MB
 * gets the form back with "Image must be at most 5 MB" and the typed values, not an error page.
 */
export const IMAGE_FORM_BODY_LIMIT = 20_000_000;

export interface StoredImage {
  id: string;
  type: ImageType;
  bytes: number;
}

const EXTENSIONS: Record<ImageType, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
};
const TYPES: Record<string, ImageType> = { png: "image/png", jpg: "image/jpeg", webp: "image/webp" };
const ID = /^[0-9a-f]{32}\.(png|jpg|webp)$/;

/** The image's type from its magic bytes: PNG, JPEG or WebP ("RIFF", 4 size bytes, "WEBP"); else null. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (spells(bytes, "\x89PNG\r\n\x1a\n")) return "image/png";
  if (spells(bytes, "\xff\xd8\xff")) return "image/jpeg";
  if (spells(bytes, "RIFF") && spells(bytes, "WEBP", 8)) return "image/webp";
  return null;
}

/** The image as stored: its metadata dropped (strip_*.ts), or null when its parts do not add up. */
const STRIP: Record<ImageType, (bytes: Uint8Array) => Uint8Array | null> = {
  "image/png": stripPng,
  "image/jpeg": stripJpeg,
  "image/webp": stripWebp,
};

/** Where images live under the data folder. */
export function imagesDir(dataDir: string): string {
  return join(dataDir, "images");
}

/** The type an image id stands for, or null when the id is not one saveImage() could have made. */
export function imageTypeOf(id: string): ImageType | null {
  const ext = id.match(ID)?.[1];
  return ext ? TYPES[ext] ?? null : null;
}

/**
 * Checks the bytes (not empty, at most 5 MB, PNG, JPEG or WebP, a readable width and height
 * within the limits, whole) and stores them, less their metadata (a photo's GPS position,
 * owner, camera serial: every viewer could read them), under a new random id. Throws a
 * DomainError, having written nothing, when they do not pass.
 */
export async function saveImage(dir: string, bytes: Uint8Array): Promise<StoredImage> {
  if (bytes.length === 0) throw invalid("empty_image", "Image is empty");
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new DomainError("too_large", "image_too_large", "Image must be at most 5 MB");
  }
  const type = sniffImage(bytes);
  if (!type) {
    throw new DomainError("unsupported", "unsupported_image", "Image must be a PNG, JPEG or WebP file");
  }
  // First: it is quick, and refuses what would keep image-size busy (whole_image.ts). What is
  // measured, stored and counted against the quota is what stays once the metadata is gone.
  const whole = wholeness(bytes, type);
  if (whole === "too_many_parts") {
    throw invalid(
      "image_too_complex",
      `This image file has too many parts (over ${MAX_PARTS.toLocaleString("en")}). ` +
        "Save it again as a plain PNG, JPEG or WebP and upload that.",
    );
  }
  const stored = whole === "whole" ? STRIP[type](bytes) : null;
  if (!stored) throw invalid("image_truncated", "Image file is cut short or damaged: upload it again");
  checkDimensions(stored);
  const random = Array.from(
    crypto.getRandomValues(new Uint8Array(16)),
    (b) => b.toString(16).padStart(2, "0"),
  );
  const id = `${random.join("")}.${EXTENSIONS[type]}`;
  await Deno.mkdir(dir, { recursive: true });
  // A leading dot keeps the half-written file out of reach of readImage()'s id check.
  const temp = join(dir, `.${id}.tmp`);
  try {
    await Deno.writeFile(temp, stored, { createNew: true });
    await Deno.rename(temp, join(dir, id));
  } catch (error) {
    await Deno.remove(temp).catch(() => {});
    throw error;
  }
  return { id, type, bytes: stored.length };
}

/** Throws unless the header gives a size (read by image-size) within the limits above. */
function checkDimensions(bytes: Uint8Array): void {
  let size: { width: number; height: number };
  try {
    size = imageSize(bytes);
  } catch {
    throw invalid("damaged_image", "Image is damaged: its width and height cannot be read");
  }
  const { width, height } = size;
  // A header that says nothing is there: no picture a browser would show.
  if (!(width >= 1 && height >= 1)) {
    throw invalid("damaged_image", `Image is damaged: it says it is ${width} × ${height} pixels`);
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    const n = (x: number) => x.toLocaleString("en");
    const limit = `${n(MAX_IMAGE_SIDE)} pixels a side and ${n(MAX_IMAGE_PIXELS / 1e6)} megapixels`;
    throw invalid(
      "image_dimensions",
      `Image must be at most ${limit}; this one is ${n(width)} × ${n(height)}`,
    );
  }
}

/** The image's bytes as a stream, its type and size; null for an unknown or malformed id. */
export async function readImage(
  dir: string,
  id: string,
): Promise<{ body: ReadableStream<Uint8Array>; type: ImageType; size: number } | null> {
  const type = imageTypeOf(id);
  if (!type) return null;
  try {
    const file = await Deno.open(join(dir, id));
    const { size } = await file.stat().catch((error) => {
      file.close();
      throw error;
    });
    return { body: file.readable, type, size };
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
}

/** Removes the image; an unknown or malformed id is a no-op. */
export async function deleteImage(dir: string, id: string): Promise<void> {
  if (!imageTypeOf(id)) return;
  await Deno.remove(join(dir, id)).catch((error) => {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  });
}
