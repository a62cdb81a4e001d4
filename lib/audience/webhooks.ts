// The live audience from LiveKit's (already verified) webhooks: the viewer set and counts
// in KV, the room told the new counts (names to the seller only), and a live stream's
// seller tracked as connected or away. Webhooks can repeat, so every change is idempotent.
import { recordVisitor } from "@/lib/analytics/store.ts";
import { MAX_VIEWER_NAMES } from "@/lib/contract/limits.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { message } from "@/lib/contract/messages.ts";
import type { Services } from "@/lib/core/services.ts";
import { sellerIdentity } from "@/lib/livekit/names.ts";
import type { RoomActivity } from "@/lib/livekit/webhook.ts";
import { getStream, markSellerPresence, type Stream } from "@/lib/streams/store.ts";
import { addViewer, clearViewers, listViewerNames, removeViewer, type ViewerCount } from "./viewers.ts";

export async function handleRoomActivity(services: Services, activity: RoomActivity): Promise<void> {
  const { kv } = services;
  const stream = await getStream(kv, activity.streamId);
  if (!stream) return;
  if (activity.type === "room_finished") {
    await clearViewers(kv, stream.id);
    return;
  }
  const present = activity.type === "joined";
  const { identity, sid, name } = activity.participant;
  if (identity === sellerIdentity(stream.sellerId)) {
    const changed = await markSellerPresence(kv, stream.id, { sid, present });
    if (changed?.status === "live") await announceSeller(services, changed);
    return;
  }
  if (present) await recordVisitor(kv, stream.id, identity);
  const counts = present
    ? await addViewer(kv, stream.id, { identity, sid, name })
    : await removeViewer(kv, stream.id, { identity, sid });
  if (counts) await announceViewers(services, stream, counts);
}

/** Sends the counts to everyone in the room, then the counts with names to the seller. */
async function announceViewers({ kv, rooms }: Services, stream: Stream, counts: ViewerCount): Promise<void> {
  const update = message("viewers", counts);
  await rooms.send(stream.id, update);
  const names = await listViewerNames(kv, stream.id, { limit: MAX_VIEWER_NAMES });
  await rooms.send(stream.id, { ...update, names }, [sellerIdentity(stream.sellerId)]);
}

async function announceSeller({ rooms, clock }: Services, stream: Stream): Promise<void> {
  const status = stream.sellerAway ? "reconnecting" : "live";
  await rooms.send(stream.id, message("status", { status, at: isoAt(clock.now()) }));
}
