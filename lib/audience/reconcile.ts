// Webhooks missed while the app was down (or lost on the way) would leave counts wrong for
// good: at start and then every minute, each live stream's viewer set, and its seller's
// studio connections with the tracks they publish, are made what LiveKit's own
// participant list says (one studio).
import { isoAt } from "@/lib/core/clock.ts";
import type { Services } from "@/lib/core/services.ts";
import type { RoomParticipant } from "@/lib/livekit/webhook.ts";
import { connectionOf } from "@/lib/livekit/names.ts";
import { statusNews } from "@/lib/streams/news.ts";
import { listLiveStreams, reconcileHostConnections } from "@/lib/streams/store.ts";
import { isSeller, isStudio, letGoOlderStudios, newestBroadcast } from "./one_studio.ts";
import { reconcileViewers } from "./viewers.ts";

/** The streams whose viewer set it repaired. */
export async function reconcileAudiences(services: Services): Promise<string[]> {
  const { kv, clock, config } = services;
  const repaired: string[] = [];
  for (const stream of await listLiveStreams(kv)) {
    // One listing a stream: the seller's connections ask for it (after reading theirs),
    // and the viewers are counted from the same.
    let listed: RoomParticipant[] | null = null;
    const list = async () => (listed = await services.rooms.participants(stream.id));
    const now = clock.now();
    const at = { now, graceMs: config.lifecycle.awayAfterMs };
    const studios = async () =>
      (await list()).filter((p) => isStudio(stream, p)).map(({ identity, sid, tracks }) => ({
        identity,
        sid,
        tracks,
      }));
    await reconcileHostConnections(kv, stream.id, studios, at, (s) => statusNews(s, isoAt(now)));
    // A second studio's broadcast whose webhook never came.
    const everyone = listed ?? await list();
    const broadcasting = newestBroadcast(stream, everyone);
    if (broadcasting) await letGoOlderStudios(services.rooms, stream, everyone, broadcasting);
    const present = new Map<string, { name: string; sids: string[] }>();
    // The seller is no viewer, in the studio or on their own watch page.
    for (const p of (listed ?? await list()).filter((p) => !isSeller(stream, p))) {
      const { person } = connectionOf(p.identity);
      const seen = present.get(person) ?? { name: p.name, sids: [] };
      present.set(person, { name: seen.name, sids: [...seen.sids, p.sid] });
    }
    if (await reconcileViewers(kv, stream.id, present)) repaired.push(stream.id);
  }
  return repaired;
}
