// The live audience on the server: LiveKit's (already verified) webhook events keep the
// viewer set and counts in KV, the room hears the new counts (names go to the seller
// only), and a live stream's seller is tracked as connected or away. Events for rooms
// that are not a stream's are ignored, and every change is idempotent because webhooks
// can repeat. Also what pages render of the audience: viewer counts and likes.
import type { Context } from "hono";
import type { WebhookEvent } from "livekit-server-sdk";
import type { ViewersMessage } from "../messages.ts";
import type { Services, State } from "../state.ts";
import { recordVisitor } from "../store/analytics.ts";
import { getLikes, type LikeState } from "../store/likes.ts";
import { getStream, markSellerPresence, type Stream } from "../store/streams.ts";
import {
  addViewer,
  clearViewers,
  getViewerCount,
  listViewerNames,
  removeViewer,
  type ViewerCount,
} from "../store/viewers.ts";
import { participantFor } from "./participant.ts";

/** How many viewer names the seller is sent at most (a data message should stay small). */
export const MAX_VIEWER_NAMES = 100;

const ROOM_PREFIX = "stream-";

export async function handleWebhookEvent(services: Services, event: WebhookEvent): Promise<void> {
  const name = event.room?.name ?? "";
  if (!name.startsWith(ROOM_PREFIX)) return;
  const stream = await getStream(services.kv, name.slice(ROOM_PREFIX.length));
  if (!stream) return;
  if (event.event === "room_finished") {
    await clearViewers(services.kv, stream.id);
    return;
  }
  const participant = event.participant;
  if (!participant || (event.event !== "participant_joined" && event.event !== "participant_left")) return;
  const present = event.event === "participant_joined";
  const { identity, sid } = participant;
  if (identity === `seller-${stream.sellerId}`) {
    const changed = await markSellerPresence(services.kv, stream.id, { sid, present });
    if (changed?.status === "live") await announceSeller(services, changed);
    return;
  }
  if (present) await recordVisitor(services.kv, stream.id, identity);
  const counts = present
    ? await addViewer(services.kv, stream.id, { identity, sid, name: participant.name || identity })
    : await removeViewer(services.kv, stream.id, { identity, sid });
  if (counts) await announceViewers(services, stream, counts);
}

/** Sends the counts to everyone in the room, then the counts with names to the seller. */
async function announceViewers(services: Services, stream: Stream, counts: ViewerCount): Promise<void> {
  const message = { v: 1 as const, type: "viewers" as const, ...counts };
  await services.rooms.send(stream.id, "viewers", message);
  const names = await viewerNames(services, stream);
  await services.rooms.send(stream.id, "viewers", { ...message, names }, [`seller-${stream.sellerId}`]);
}

export type Viewers = Omit<ViewersMessage, "v" | "type">;

export interface Audience {
  likes: LikeState;
  viewers: Viewers;
}

/** What a page shows of the audience: likes (and whether the asker likes it) and viewers. */
export async function audienceFor(
  c: Context,
  state: State,
  stream: Stream,
): Promise<Audience> {
  const who = await participantFor(c, state);
  return {
    likes: await getLikes(state.services.kv, stream.id, who.identity),
    viewers: await viewersFor(state, stream),
  };
}

/** The viewer counts as the asker may see them: with names for the stream's owner only. */
export async function viewersFor(state: State, stream: Stream): Promise<Viewers> {
  const counts = await getViewerCount(state.services.kv, stream.id);
  if (state.seller?.id !== stream.sellerId) return counts;
  return { ...counts, names: await viewerNames(state.services, stream) };
}

async function viewerNames(services: Services, stream: Stream): Promise<string[]> {
  return await listViewerNames(services.kv, stream.id, { limit: MAX_VIEWER_NAMES });
}

async function announceSeller(services: Services, stream: Stream): Promise<void> {
  await services.rooms.send(stream.id, "status", {
    v: 1,
    type: "status",
    status: stream.sellerAway ? "reconnecting" : "live",
    at: new Date().toISOString(),
  });
}
