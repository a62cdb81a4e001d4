// Reactions reach the room as tallies: the server adds up each room's reactions and sends
// one lossy message 250 ms after the first of a batch, so a room gets at most four a
// second however many react, not one per reaction. A tally is stale a moment later, so
// it is never stored or resent.
import type { Emoji } from "@/lib/contract/limits.ts";
import { message } from "@/lib/contract/messages.ts";
import type { RoomService } from "@/lib/livekit/room_service.ts";

export interface ReactionTally {
  add(streamId: string, emoji: Emoji): void;
  /** Sends what is pending now and stops the timers. */
  close(): Promise<void>;
}

interface Batch {
  counts: Partial<Record<Emoji, number>>;
  timer: ReturnType<typeof setTimeout>;
}

export function createReactionTally(rooms: RoomService, opts: { everyMs?: number } = {}): ReactionTally {
  const everyMs = opts.everyMs ?? 250;
  const batches = new Map<string, Batch>();

  async function flush(streamId: string): Promise<void> {
    const batch = batches.get(streamId);
    if (!batch) return;
    batches.delete(streamId);
    clearTimeout(batch.timer);
    try {
      await rooms.send(streamId, message("reactions", { counts: batch.counts }), { lossy: true });
    } catch (error) {
      console.error(`could not send reactions to stream ${streamId}:`, error);
    }
  }

  return {
    add(streamId, emoji) {
      let batch = batches.get(streamId);
      if (!batch) {
        batch = { counts: {}, timer: setTimeout(() => void flush(streamId), everyMs) };
        batches.set(streamId, batch);
      }
      batch.counts[emoji] = (batch.counts[emoji] ?? 0) + 1;
    },
    async close() {
      await Promise.all([...batches.keys()].map(flush));
    },
  };
}
