// The live audience from LiveKit's (already verified) webhooks: the viewer set and counts
// in KV, the room told the new counts (names to the seller only), and a live stream's
// seller tracked as broadcasting or away. Someone the shop banned is removed on joining. Webhooks can repeat: an event already handled
// (same id) changes nothing, and every change is idempotent besides.
import { recordVisitor } from "@/lib/analytics/store.ts";
import { MAX_VIEWER_NAMES } from "@/lib/contract/limits.ts";
import { message } from "@/lib/contract/messages.ts";
import { isoAt } from "@/lib/core/clock.ts";
import type { Services } from "@/lib/core/services.ts";
import { keys } from "@/lib/kv/keys.ts";
import { connectionOf, sellerIdentity } from "@/lib/livekit/names.ts";
import type { RoomActivity } from "@/lib/livekit/webhook.ts";
import { standingOf } from "@/lib/moderation/sanctions.ts";
import { getStream, hostIdentities, markHostConnection, type Stream } from "@/lib/streams/store.ts";
import { addViewer, clearViewers, listViewerNames, removeViewer, type ViewerCount } from "./viewers.ts";

/** How long a handled event's id is remembered: LiveKit retries for far less. */
const SEEN_TTL_MS = 24 * 60 * 60 * 1000;

export async function handleRoomActivity(services: Services, activity: RoomActivity): Promise<void> {
  const { kv } = services;
  if (activity.id && (await kv.get(keys.webhookEvent(activity.id))).versionstamp) return;
  const stream = await getStream(kv, activity.streamId);
  if (!stream) return;
  await apply(services, stream, activity);
  if (activity.id) await kv.set(keys.webhookEvent(activity.id), true, { expireIn: SEEN_TTL_MS });
}

async function apply(services: Services, stream: Stream, activity: RoomActivity): Promise<void> {
  const { kv } = services;
  if (activity.type === "room_finished") {
    await clearViewers(kv, stream.id);
    return;
  }
  const present = activity.type === "joined";
  const { identity, sid, name } = activity.participant;
  const { person, host } = connectionOf(identity);
  if (person === sellerIdentity(stream.sellerId)) {
    // The seller watching their own stream is not its audience.
    if (!host) return;
    const changed = await markHostConnection(kv, stream.id, { identity, sid, present });
    if (changed?.status === "live") await announceSeller(services, changed);
    return;
  }
  if (present && (await standingOf(kv, stream.sellerId, { identity: person }, services.clock.now())).banned) {
    // A token minted just before the ban: out again at once, and never counted.
    return await services.rooms.remove(stream.id, [identity]);
  }
  if (present) await recordVisitor(kv, stream.id, person);
  const counts = present
    ? await addViewer(kv, stream.id, { identity: person, sid, name })
    : await removeViewer(kv, stream.id, { identity: person, sid });
  if (counts) await announceViewers(services, stream, counts);
}

/** Sends the counts to everyone in the room, then the counts with names to the seller. */
async function announceViewers({ kv, rooms }: Services, stream: Stream, counts: ViewerCount): Promise<void> {
  const update = message("viewers", counts);
  await rooms.send(stream.id, update);
  const to = await hostIdentities(kv, stream.id);
  if (to.length === 0) return;
  const names = await listViewerNames(kv, stream.id, { limit: MAX_VIEWER_NAMES });
  await rooms.send(stream.id, { ...update, names }, { to });
}

async function announceSeller({ rooms, clock }: Services, stream: Stream): Promise<void> {
  const status = stream.sellerAway ? "reconnecting" : "live";
  await rooms.send(stream.id, message("status", { status, at: isoAt(clock.now()) }));
}
