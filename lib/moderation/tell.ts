// How moderation is announced, after it is stored: what everyone sees (messages removed,
// the pinned note) goes to the stream's room; what only the seller sees (log entries,
// reports) goes to their studio connections, in the stream where it happened or else
// the one they are live with.
import { MAX_REMOVED_IDS } from "@/lib/contract/limits.ts";
import { type AnyMessage, message } from "@/lib/contract/messages.ts";
import type { ModerationEntry } from "@/lib/contract/views.ts";
import type { Services } from "@/lib/core/services.ts";
import { connectionOf } from "@/lib/livekit/names.ts";
import { announce } from "@/lib/livekit/room_service.ts";
import { hostIdentities, liveStreamIdOf } from "@/lib/streams/store.ts";

/** Tells everyone in the stream these messages are gone. */
export async function tellRemoved({ rooms }: Services, streamId: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += MAX_REMOVED_IDS) {
    await announce(rooms, streamId, message("removed", { ids: ids.slice(i, i + MAX_REMOVED_IDS) }));
  }
}

/** Tells the seller, in the stream (or, for the shop's changes, the one they are live with). */
export async function tellSeller(
  { kv, rooms }: Services,
  where: { streamId: string } | { shopId: string },
  news: AnyMessage,
): Promise<void> {
  const streamId = "streamId" in where ? where.streamId : await liveStreamIdOf(kv, where.shopId);
  if (!streamId) return;
  const to = await hostIdentities(kv, streamId);
  if (to.length) await announce(rooms, streamId, news, { to });
}

/** A log entry as the seller's studio receives it. */
export const logged = (entry: ModerationEntry) => message("moderation", entry);

/** Disconnects every connection of the person from the stream's room at once (a ban). */
export async function dropConnections({ rooms }: Services, streamId: string, person: string): Promise<void> {
  try {
    const theirs = (await rooms.participants(streamId)).filter((id) => connectionOf(id).person === person);
    if (theirs.length) await rooms.remove(streamId, theirs);
  } catch (error) {
    // The ban is stored: their next token is refused, and LiveKit's join webhook removes them again.
    console.error(`could not remove ${person} from stream ${streamId}:`, error);
  }
}
