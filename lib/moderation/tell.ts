// What moderation tells, queued in the commit of the change it tells of (lib/outbox): what
// everyone sees (messages removed, the pinned note) goes to the stream's room; what only
// the seller sees (log entries, reports) to their studio connections, in the stream where
// it happened or else the one they are live with; a timeout or its lifting, or a role
// given or taken, to the one person it is about. And a ban's removal from the room.
import { MAX_REMOVED_IDS } from "@/lib/contract/limits.ts";
import { message } from "@/lib/contract/messages.ts";
import type { ModerationEntry } from "@/lib/contract/views.ts";
import type { Services } from "@/lib/core/services.ts";
import { connectionsOf } from "@/lib/livekit/room_service.ts";
import type { News } from "@/lib/outbox/queue.ts";

/** Everyone in the stream hears these messages are gone. */
export function removedNews(ids: string[]): News[] {
  const news: News[] = [];
  for (let i = 0; i < ids.length; i += MAX_REMOVED_IDS) {
    news.push({ message: message("removed", { ids: ids.slice(i, i + MAX_REMOVED_IDS) }) });
  }
  return news;
}

/** The seller's studio hears of the log entry. */
export const loggedNews = (entry: ModerationEntry): News => ({
  message: message("moderation", entry),
  to: "hosts",
});

/** The person hears they may not chat until `until`, or (null) that they may again. */
export const standingNews = (person: string, until: string | null): News => ({
  message: message("standing", { until }),
  to: { person },
});

/** The person, a seller the shop names or no longer, hears their role in its chat changed (never timed out: moderators cannot be). */
export const roleNews = (person: string, role: "moderator" | "viewer"): News => ({
  message: message("standing", { until: null, role }),
  to: { person },
});

/** Disconnects every connection of the person from the stream's room at once (a ban). */
export async function dropConnections({ rooms }: Services, streamId: string, person: string): Promise<void> {
  try {
    const theirs = await connectionsOf(rooms, streamId, person);
    if (theirs.length) await rooms.remove(streamId, theirs);
  } catch (error) {
    // The ban is stored: their next token is refused, and LiveKit's join webhook removes them again.
    console.error(`could not remove ${person} from stream ${streamId}:`, error);
  }
}
