// What every viewer of a stream sees alike (the stream, its chat, audience counts, showcase
// and pinned note), read once and shared by the watch pages asked for while it holds: a
// page per request would otherwise read ~15 keys that change far less often than a
// popular stream's page is asked for. It holds while the stream's news mark is the one it
// was read at (every change that tells the room moves it as it commits; each page checks)
// and for at most HOLD_MS, for what moves unannounced (a sale's clock). Pages asked for
// while it is being read wait for that read.
import { audienceOfStream } from "@/lib/audience/actions.ts";
import { listChat } from "@/lib/chat/store.ts";
import type { ChatMessage } from "@/lib/contract/messages.ts";
import type { Audience, Pinned, Showcase } from "@/lib/contract/views.ts";
import type { Services } from "@/lib/core/services.ts";
import { getPinned } from "@/lib/moderation/pinned.ts";
import { perStore } from "@/lib/kv/per_store.ts";
import { type NewsMark, newsMark } from "@/lib/outbox/queue.ts";
import { showcaseOf } from "@/lib/showcase/view.ts";
import { findStream } from "@/lib/streams/access.ts";
import type { Stream } from "@/lib/streams/store.ts";

export interface StreamSnapshot {
  /** Tells one read from the next: a page rendered from this one may be reused while it holds. */
  version: number;
  stream: Stream;
  /** The room's last `seq` when this was read: a message after it that a page missed shows as a gap. */
  seq: number;
  chat: ChatMessage[];
  audience: Audience;
  showcase: Showcase;
  pinned: Pinned;
}

export const HOLD_MS = 1000;
/** Snapshots kept per process; the least recently asked for goes first. */
const MAX_STREAMS = 256;

interface Held {
  mark: NewsMark;
  readAt: number;
  snapshot: Promise<StreamSnapshot>;
  /** The stream, once read. */
  stream?: Stream;
}

const heldIn = perStore(() => new Map<string, Held>());
let versions = 0;

/** The stream as everyone sees it now; a 404 for a stream that does not exist. */
export async function streamSnapshot(services: Services, streamId: string): Promise<StreamSnapshot> {
  const held = heldIn(services.kv);
  // Read before the state: anything the state misses comes after it.
  const mark = await markOf(services.kv, streamId);
  const now = services.clock.now();
  const kept = held.get(streamId);
  const same = kept && kept.mark.seq === mark.seq && kept.mark.change === mark.change;
  if (same && now - kept.readAt < HOLD_MS) return await kept.snapshot;
  const fresh: Held = { mark, readAt: now, snapshot: read(services, streamId, mark.seq, now) };
  held.delete(streamId);
  held.set(streamId, fresh);
  if (held.size > MAX_STREAMS) held.delete(held.keys().next().value!);
  try {
    const snapshot = await fresh.snapshot;
    fresh.stream = snapshot.stream;
    return snapshot;
  } catch (error) {
    if (held.get(streamId) === fresh) held.delete(streamId);
    throw error;
  }
}

/** The stream as last read here, if it was: what never changes of it (its id, its seller) is known without a read. */
export const heldStream = (kv: Deno.Kv, streamId: string): Stream | undefined =>
  heldIn(kv).get(streamId)?.stream;

/** A stream's mark being read, and the read that the pages asked for meanwhile wait for. */
interface MarkReads {
  running?: Promise<NewsMark>;
  queued?: Promise<NewsMark>;
}

const markReadsIn = perStore(() => new Map<string, MarkReads>());

/**
 * The stream's news mark, read after this call (so a change committed before it is seen),
 * by one read for all the pages that ask while another is being read: they wait for the
 * next, which starts as that one ends. A popular stream's pages cost a read per round trip.
 */
function markOf(kv: Deno.Kv, streamId: string): Promise<NewsMark> {
  const all = markReadsIn(kv);
  const slot = all.get(streamId) ?? {};
  all.set(streamId, slot);
  const start = () => {
    const read = newsMark(kv, streamId);
    slot.running = read;
    slot.queued = undefined;
    read.catch(() => {}).finally(() => {
      if (slot.running !== read) return;
      slot.running = undefined;
      if (!slot.queued && all.get(streamId) === slot) all.delete(streamId);
    });
    return read;
  };
  if (!slot.running) return start();
  return slot.queued ??= slot.running.catch(() => {}).then(start);
}

async function read(services: Services, streamId: string, seq: number, now: number): Promise<StreamSnapshot> {
  const { kv } = services;
  const stream = await findStream(kv, streamId);
  const [chat, audience, showcase, pinned] = await Promise.all([
    listChat(kv, stream.id),
    audienceOfStream(kv, stream),
    showcaseOf(kv, stream, now),
    getPinned(kv, stream.id),
  ]);
  return { version: ++versions, stream, seq, chat, audience, showcase, pinned };
}
