// Reactions reach the room as tallies: at most one lossy message per stream every 250 ms,
// however many react and however many app processes take their requests. Each process
// adds up what it gets for 50 ms, then merges that into the stream's batch in KV; the
// batch opens with its first merge and is sent 250 ms later by whichever process takes it
// out of KV first (a checked delete), so it is sent once. A tally is stale a moment later:
// it is never queued in the outbox or resent.
import { countReactionsIn } from "@/lib/analytics/store.ts";
import type { Emoji } from "@/lib/contract/limits.ts";
import { message } from "@/lib/contract/messages.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { keys } from "@/lib/kv/keys.ts";
import type { RoomService } from "@/lib/livekit/room_service.ts";

export interface ReactionTally {
  add(streamId: string, emoji: Emoji): void;
  /** Merges what this process gathered, sends the batches it took part in at once, and stops the timers. */
  close(): Promise<void>;
}

type Counts = Partial<Record<Emoji, number>>;

/** A stream's batch in KV: when it opened, and every process's reactions merged. */
export interface ReactionBatch {
  opensAt: number;
  counts: Counts;
}

export interface TallyOptions {
  /** The least time between two tallies of a stream (default 250 ms). */
  everyMs?: number;
  /** How long a process gathers before merging into KV (default 50 ms). */
  gatherMs?: number;
}

/** A batch nobody sent (every process stopped) is forgotten after this. */
const BATCH_TTL_MS = 60_000;

export function createReactionTally(kv: Deno.Kv, rooms: RoomService, opts: TallyOptions = {}): ReactionTally {
  const everyMs = opts.everyMs ?? 250;
  const gatherMs = opts.gatherMs ?? 50;
  const gathered = new Map<string, { counts: Counts; timer: ReturnType<typeof setTimeout> }>();
  const sends = new Map<string, ReturnType<typeof setTimeout>>();
  const work = new Set<Promise<void>>();
  const track = (promise: Promise<void>) => {
    const done = promise.catch((error) => console.error("reactions:", error)).finally(() =>
      work.delete(done)
    );
    work.add(done);
  };

  async function merge(streamId: string): Promise<void> {
    const mine = gathered.get(streamId);
    if (!mine) return;
    gathered.delete(streamId);
    clearTimeout(mine.timer);
    const batch = await mergeInto(kv, streamId, mine.counts);
    schedule(streamId, batch.opensAt + everyMs - Date.now());
  }

  function schedule(streamId: string, inMs: number): void {
    if (sends.has(streamId)) return;
    sends.set(streamId, setTimeout(() => (sends.delete(streamId), track(send(streamId))), Math.max(0, inMs)));
  }

  async function send(streamId: string, early = false): Promise<void> {
    const taken = await takeOut(kv, streamId, early ? Infinity : Date.now() - everyMs);
    if (typeof taken === "number") return schedule(streamId, taken + everyMs - Date.now());
    if (!taken) return;
    await rooms.send(streamId, message("reactions", { counts: taken.counts }), { lossy: true })
      .catch((error) => console.error(`could not send reactions to stream ${streamId}:`, error));
  }

  return {
    add(streamId, emoji) {
      let mine = gathered.get(streamId);
      if (!mine) {
        mine = { counts: {}, timer: setTimeout(() => track(merge(streamId)), gatherMs) };
        gathered.set(streamId, mine);
      }
      mine.counts[emoji] = (mine.counts[emoji] ?? 0) + 1;
    },
    async close() {
      await Promise.all([...gathered.keys()].map(merge));
      await Promise.all(work);
      const streams = [...sends.keys()];
      for (const timer of sends.values()) clearTimeout(timer);
      sends.clear();
      await Promise.all(streams.map((streamId) => send(streamId, true)));
    },
  };
}

/**
 * Adds `counts` to the stream's batch, opening one if there is none, and to the stream's
 * totals (the studio's tally when it opens, the analytics); returns the batch.
 */
function mergeInto(kv: Deno.Kv, streamId: string, counts: Counts): Promise<ReactionBatch> {
  return atomically("adding up reactions", async () => {
    const held = await kv.get<ReactionBatch>(keys.reactionBatch(streamId));
    const batch = { opensAt: held.value?.opensAt ?? Date.now(), counts: { ...held.value?.counts } };
    for (const [emoji, n] of Object.entries(counts) as [Emoji, number][]) {
      batch.counts[emoji] = (batch.counts[emoji] ?? 0) + n;
    }
    const op = kv.atomic().check(held).set(held.key, batch, { expireIn: BATCH_TTL_MS });
    countReactionsIn(op, streamId, counts);
    return (await op.commit()).ok ? batch : RETRY;
  });
}

/**
 * Takes the stream's batch out of KV if it opened by `openedBy`: the batch, or when it
 * opened if it is not due yet, or null when there is none (another process sent it).
 */
function takeOut(kv: Deno.Kv, streamId: string, openedBy: number): Promise<ReactionBatch | number | null> {
  return atomically("taking out reactions", async () => {
    const held = await kv.get<ReactionBatch>(keys.reactionBatch(streamId));
    if (!held.value) return null;
    if (held.value.opensAt > openedBy) return held.value.opensAt;
    return (await kv.atomic().check(held).delete(held.key).commit()).ok ? held.value : RETRY;
  });
}
