// A take as it is served. A WebM take whose bytes are final gets the head webm_index.ts
// builds, so players show its length and seek. The head is built once per take (and size)
// and saved beside the take, so playing a replay reads the take whole only once, however
// many play it, across restarts and processes.
import type { ReplayType } from "@/lib/contract/limits.ts";
import { headPath, readRange, readSmallFile, replaceFile } from "./files.ts";
import { turns } from "./turns.ts";
import { type SeekableHead, seekableHead } from "./webm_index.ts";

/** How a take is served: `head`, then its file from byte `from`; `size` bytes in all. */
export interface Served {
  head: Uint8Array;
  from: number;
  size: number;
}

/** How the take at `path`, `bytes` long, is served: with a head once it is `final`. */
export async function served(path: string, type: ReplayType, bytes: number, final: boolean): Promise<Served> {
  const made = final && type === "video/webm" ? await headOf(path, bytes) : null;
  const head = made?.head ?? new Uint8Array(0);
  const from = made?.clustersAt ?? 0;
  return { head, from, size: head.length + bytes - from };
}

/**
 * Heads lately served (or being built) in this process: a player asks for many ranges of
 * one take, and each would otherwise read its saved head from disk again.
 */
const heads = new Map<string, Promise<SeekableHead | null>>();
const KEPT = 16;

function headOf(path: string, bytes: number): Promise<SeekableHead | null> {
  const key = `${bytes}:${path}`;
  const known = heads.get(key);
  if (known) return known;
  const head = savedOrBuilt(path, bytes);
  head.catch(() => heads.delete(key));
  heads.set(key, head);
  if (heads.size > KEPT) heads.delete(heads.keys().next().value!);
  return head;
}

async function savedOrBuilt(path: string, bytes: number): Promise<SeekableHead | null> {
  const saved = await savedHead(path, bytes);
  return saved !== undefined ? saved : await build(path, bytes);
}

/**
 * Heads built at once. A build reads its take whole (an hour of video takes a second or
 * two; a crafted take no more than webm_index.ts's budget allows), so the first plays of
 * many takes wait their turn instead of sharing the event loop all together.
 */
const inTurn = turns(2);

function build(path: string, bytes: number): Promise<SeekableHead | null> {
  return inTurn(() => buildNow(path, bytes));
}

async function buildNow(path: string, bytes: number): Promise<SeekableHead | null> {
  const file = await readRange(path, 0, bytes - 1);
  if (!file) return null;
  const made = await seekableHead(file);
  // Not saved (a full disk): served all the same, and made again next time.
  await replaceFile(headPath(path), encode(bytes, made)).catch((error) =>
    console.error(`saving the head of ${path} failed:`, error)
  );
  return made;
}

// Saved as the take's size and where its clusters start (-1: it has no head), eight bytes
// each, then the head.
const PREFIX = 16;

function encode(bytes: number, made: SeekableHead | null): Uint8Array {
  const saved = new Uint8Array(PREFIX + (made?.head.length ?? 0));
  const view = new DataView(saved.buffer);
  view.setBigUint64(0, BigInt(bytes));
  view.setBigInt64(8, BigInt(made?.clustersAt ?? -1));
  if (made) saved.set(made.head, PREFIX);
  return saved;
}

/** The head saved for the take at this size: null when it has none, undefined when none is saved. */
async function savedHead(path: string, bytes: number): Promise<SeekableHead | null | undefined> {
  const saved = await readSmallFile(headPath(path));
  if (!saved || saved.length < PREFIX) return undefined;
  const view = new DataView(saved.buffer, saved.byteOffset);
  if (Number(view.getBigUint64(0)) !== bytes) return undefined;
  const clustersAt = Number(view.getBigInt64(8));
  return clustersAt < 0 ? null : { head: saved.subarray(PREFIX), clustersAt };
}

/** Bytes `start` to `end` (inclusive) of the take as served; null when its file is gone. */
export async function readServed(
  path: string,
  { head, from }: Served,
  start: number,
  end: number,
): Promise<ReadableStream<Uint8Array> | null> {
  const first = head.slice(start, end + 1);
  const inFile = end >= head.length;
  const rest = inFile
    ? await readRange(path, from + Math.max(0, start - head.length), from + end - head.length)
    : null;
  if (inFile && !rest) return null;
  if (!first.length) return rest;
  const file = rest?.getReader();
  let headSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headSent) {
        headSent = true;
        controller.enqueue(first);
        return;
      }
      const next = file ? await file.read() : null;
      if (next && !next.done) controller.enqueue(next.value);
      else controller.close();
    },
    cancel: (reason) => file?.cancel(reason),
  });
}
