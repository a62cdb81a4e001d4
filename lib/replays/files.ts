// A replay's takes on disk, one file each under DATA_DIR/replays/<stream>/ (KV values stop
// at 64 KiB). A part is written at the offset KV has counted so far, so a part written but
// never counted is simply written over by the next.
import { join } from "node:path";
import type { ReplayType } from "@/lib/contract/limits.ts";
import type { Take } from "./store.ts";

const EXTENSIONS: Record<ReplayType, string> = { "video/webm": "webm", "video/mp4": "mp4" };

const EBML = [0x1a, 0x45, 0xdf, 0xa3];
const FTYP = [0x66, 0x74, 0x79, 0x70];

/** Whether a take's first bytes are what its type begins with: WebM's EBML header, or MP4's "ftyp" box. */
export function startsLike(type: ReplayType, bytes: Uint8Array): boolean {
  const [magic, at] = type === "video/webm" ? [EBML, 0] : [FTYP, 4];
  return magic.every((b, i) => bytes[at + i] === b);
}

/** Where the take's file is; ids are made by the server (newId), so no path comes from a request. */
export function takePath(dataDir: string, take: Pick<Take, "streamId" | "id" | "type">): string {
  return join(streamFolder(dataDir, take.streamId), `${take.id}.${EXTENSIONS[take.type]}`);
}

/** The folder of a stream's takes. */
const streamFolder = (dataDir: string, streamId: string) => join(dataDir, "replays", streamId);

/** Removes a stream's folder whole, with any file written for a take whose record went first. */
export async function removeStreamFolder(dataDir: string, streamId: string): Promise<void> {
  await Deno.remove(streamFolder(dataDir, streamId), { recursive: true }).catch(ignoreMissing);
}

/** Where what makes a take seekable is saved (seekable.ts), beside its file. */
export const headPath = (path: string) => `${path}.head`;

/** Writes `bytes` at `offset` of the take's file, creating it (and its folder) if need be. */
export async function writeAt(path: string, offset: number, bytes: Uint8Array): Promise<void> {
  await Deno.mkdir(join(path, ".."), { recursive: true });
  using file = await Deno.open(path, { write: true, create: true });
  await file.seek(offset, Deno.SeekMode.Start);
  for (let written = 0; written < bytes.length;) written += await file.write(bytes.subarray(written));
}

/**
 * Bytes `start` to `end` (inclusive) of the file, as a stream that closes the file when
 * done, failed or cancelled; null when the file is gone.
 */
export async function readRange(
  path: string,
  start: number,
  end: number,
): Promise<ReadableStream<Uint8Array> | null> {
  const file = await Deno.open(path).catch(nullIfMissing);
  if (!file) return null;
  try {
    await file.seek(start, Deno.SeekMode.Start);
  } catch (error) {
    file.close();
    throw error;
  }
  let left = end - start + 1;
  return new ReadableStream({
    type: "bytes",
    async pull(controller) {
      try {
        const chunk = new Uint8Array(Math.min(left, 64 * 1024));
        const read = left > 0 ? await file.read(chunk) : null;
        if (read === null) {
          file.close();
          controller.close();
          return;
        }
        left -= read;
        controller.enqueue(chunk.subarray(0, read));
      } catch (error) {
        file.close();
        controller.error(error);
      }
    },
    cancel() {
      file.close();
    },
  });
}

/** A small file's bytes, or null when it is not there. */
export async function readSmallFile(path: string): Promise<Uint8Array | null> {
  return await Deno.readFile(path).catch(nullIfMissing);
}

/**
 * Writes a file whole: written aside, then renamed, so a reader sees the old one or the
 * new. A folder removed meanwhile (its take swept) is fine.
 */
export async function replaceFile(path: string, bytes: Uint8Array): Promise<void> {
  const aside = `${path}.${crypto.randomUUID()}.tmp`;
  try {
    await Deno.writeFile(aside, bytes);
    await Deno.rename(aside, path);
  } catch (error) {
    await Deno.remove(aside).catch(() => {});
    ignoreMissing(error);
  }
}

/** Whether the file is there (a data folder restored from a backup has no replays). */
export async function hasFile(path: string): Promise<boolean> {
  return !!await Deno.stat(path).catch(nullIfMissing);
}

/** Removes the take's file and its head, and its stream's folder once empty; a missing file is fine. */
export async function removeFile(path: string): Promise<void> {
  await Deno.remove(path).catch(ignoreMissing);
  await Deno.remove(headPath(path)).catch(ignoreMissing);
  await Deno.remove(join(path, "..")).catch(() => {});
}

function ignoreMissing(error: unknown) {
  if (!(error instanceof Deno.errors.NotFound)) throw error;
}

function nullIfMissing(error: unknown): null {
  ignoreMissing(error);
  return null;
}
