// Webhooks missed while the app was down (or lost on the way) would leave counts wrong for
// good: at start and then every minute, each live stream's viewer set, and its seller's
// studio connections, are made what LiveKit's own participant list says.
import { isoAt } from "@/lib/core/clock.ts";
import type { Services } from "@/lib/core/services.ts";
import { connectionOf, sellerIdentity } from "@/lib/livekit/names.ts";
import { statusNews } from "@/lib/streams/news.ts";
import { listLiveStreams, reconcileHostConnections, type Stream } from "@/lib/streams/store.ts";
import { reconcileViewers } from "./viewers.ts";

/** The streams whose viewer set it repaired. */
export async function reconcileAudiences(services: Services): Promise<string[]> {
  const { kv, clock, config } = services;
  const repaired: string[] = [];
  for (const stream of await listLiveStreams(kv)) {
    const present = new Map<string, { name: string; sids: string[] }>();
    for (const p of await services.rooms.participants(stream.id)) {
      const { person } = connectionOf(p.identity);
      // The seller is no viewer, in the studio or on their own watch page.
      if (person === sellerIdentity(stream.sellerId)) continue;
      const seen = present.get(person) ?? { name: p.name, sids: [] };
      present.set(person, { name: seen.name, sids: [...seen.sids, p.sid] });
    }
    if (await reconcileViewers(kv, stream.id, present)) repaired.push(stream.id);
    const now = clock.now();
    const studios = async () => studiosOf(stream, await services.rooms.participants(stream.id));
    const at = { now, graceMs: config.lifecycle.awayAfterMs };
    await reconcileHostConnections(kv, stream.id, studios, at, (s) => statusNews(s, isoAt(now)));
  }
  return repaired;
}

/** The seller's studio connections among the room's participants. */
const studiosOf = (stream: Stream, participants: { identity: string; sid: string }[]) =>
  participants.filter((p) => {
    const { person, host } = connectionOf(p.identity);
    return host && person === sellerIdentity(stream.sellerId);
  }).map(({ identity, sid }) => ({ identity, sid }));
