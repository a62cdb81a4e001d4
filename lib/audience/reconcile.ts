// Webhooks missed while the app was down (or lost on the way) would leave counts wrong for
// good: at start and then every minute, each live stream's viewer set is made what
// LiveKit's own participant list says.
import type { Services } from "@/lib/core/services.ts";
import { connectionOf, sellerIdentity } from "@/lib/livekit/names.ts";
import { listLiveStreams } from "@/lib/streams/store.ts";
import { reconcileViewers } from "./viewers.ts";

/** The streams whose viewer set it repaired. */
export async function reconcileAudiences(services: Services): Promise<string[]> {
  const repaired: string[] = [];
  for (const stream of await listLiveStreams(services.kv)) {
    const present = new Map<string, { name: string; sids: string[] }>();
    for (const p of await services.rooms.participants(stream.id)) {
      const { person } = connectionOf(p.identity);
      // The seller is no viewer, in the studio or on their own watch page.
      if (person === sellerIdentity(stream.sellerId)) continue;
      const seen = present.get(person) ?? { name: p.name, sids: [] };
      present.set(person, { name: seen.name, sids: [...seen.sids, p.sid] });
    }
    if (await reconcileViewers(services.kv, stream.id, present)) repaired.push(stream.id);
  }
  return repaired;
}
