// The live audience from LiveKit's (already verified) webhooks: the viewer set and counts
// in KV (the room hears them from ./viewer_news.ts, once a second at most), and a live
// stream's seller tracked as broadcasting (from one studio: ./one_studio.ts), connected
// with nothing published, or away; a studio page closed while live ends the replay takes
// it recorded. Someone the shop banned is removed on joining, and so
// is a newcomer a capped stream has no seat for (its cap reached, or their address's share
// of it: a ticket given before it filled); anyone joining an ended stream's room closes
// it. Webhooks can repeat: an event already handled (same id) changes nothing, and every
// change is idempotent besides.
import { recordVisitor } from "@/lib/analytics/store.ts";
import { isoAt } from "@/lib/core/clock.ts";
import type { Services } from "@/lib/core/services.ts";
import { keys } from "@/lib/kv/keys.ts";
import { connectionOf, sellerIdentity } from "@/lib/livekit/names.ts";
import type { RoomActivity } from "@/lib/livekit/webhook.ts";
import { seatsFor } from "@/lib/moderation/admission.ts";
import { studioLeft } from "@/lib/replays/actions.ts";
import { standingOf } from "@/lib/moderation/sanctions.ts";
import { statusNews } from "@/lib/streams/news.ts";
import { getStream, markHostConnection, markHostTrack, type Stream } from "@/lib/streams/store.ts";
import { isStudio, letGoOlderStudios } from "./one_studio.ts";
import { addViewer, clearViewers, removeViewer } from "./viewers.ts";

/** How long a handled event's id is remembered: LiveKit retries for far less. */
const SEEN_TTL_MS = 24 * 60 * 60 * 1000;

export async function handleRoomActivity(services: Services, activity: RoomActivity): Promise<void> {
  const { kv } = services;
  // A track event sets or clears one track (again, it changes nothing; one out of order is
  // repaired by the reconcile), and letting older studios go twice is harmless.
  const track = activity.type === "published" || activity.type === "unpublished";
  const once = activity.id && !track;
  if (once && (await kv.get(keys.webhookEvent(activity.id))).versionstamp) return;
  const stream = await getStream(kv, activity.streamId);
  // A token minted before the end (or the delete) still opens the room, which LiveKit makes
  // again: it is closed at once, and no one in it counts.
  const over = !stream || stream.status === "ended";
  if (over && activity.type === "joined") return await services.rooms.close(activity.streamId);
  if (!stream || (over && track)) return;
  await apply(services, stream, activity);
  if (once) await kv.set(keys.webhookEvent(activity.id), true, { expireIn: SEEN_TTL_MS });
}

async function apply(services: Services, stream: Stream, activity: RoomActivity): Promise<void> {
  const { kv, clock, rooms } = services;
  if (activity.type === "room_finished") {
    await clearViewers(kv, stream.id);
    return;
  }
  const { identity, sid, name, address } = activity.participant;
  const { person, host } = connectionOf(identity);
  const now = clock.now();
  const news = (s: Stream) => statusNews(s, isoAt(now));
  if (activity.type === "published" || activity.type === "unpublished") {
    if (!isStudio(stream, activity.participant)) return;
    const published = activity.type === "published";
    await markHostTrack(kv, stream.id, { connection: sid, track: activity.track, published }, now, news);
    if (!published) return;
    // The event names the connection only: when it joined is in the room's list.
    const listed = await rooms.participants(stream.id);
    const broadcasting = listed.find((p) => p.identity === identity);
    if (broadcasting) await letGoOlderStudios(rooms, stream, listed, broadcasting);
    return;
  }
  const present = activity.type === "joined";
  if (person === sellerIdentity(stream.sellerId)) {
    // The seller watching their own stream is not its audience.
    if (!host) return;
    await markHostConnection(kv, stream.id, { identity, sid, present }, now, news);
    if (!present) await studioLeft(services, stream, activity.participant);
    return;
  }
  if (!present) return void await removeViewer(kv, stream.id, { identity: person, sid });
  const [standing, seats] = await Promise.all([
    standingOf(kv, stream.sellerId, { identity: person }, now),
    seatsFor(kv, stream, person),
  ]);
  // A token minted just before the ban, or with no seat left for it: out again at once, and
  // never counted. The host and moderators take none of their address's seats.
  const viewer = { identity: person, sid, name, address: seats ? address : undefined };
  const seated = !standing.banned && await addViewer(kv, stream.id, viewer, seats) !== "full";
  if (!seated) return await rooms.remove(stream.id, [identity]);
  await recordVisitor(kv, stream.id, person);
}
