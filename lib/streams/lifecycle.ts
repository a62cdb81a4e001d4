// A stream follows what really happens: a seller gone past the grace period shows viewers
// "away" (and leaves the home page's live list); a stream with nothing to watch much
// longer (its seller gone, or there publishing nothing) ends, exactly as if they had ended
// it. Run every few seconds, in any number of processes: each change is a checked commit,
// so it happens and is told once.
import type { Services } from "@/lib/core/services.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { statusNews } from "./news.ts";
import { endStream, listLiveStreams, markAwayLong } from "./store.ts";

export async function followSellers(services: Services): Promise<void> {
  const { kv, clock, config } = services;
  const now = clock.now();
  const since = (at?: string) => at ? now - Date.parse(at) : 0;
  for (const stream of await listLiveStreams(kv)) {
    // A stream live from before that time was kept has its seller's absence alone.
    const nothing = since(stream.nothingToWatchSince ?? (stream.sellerAway ? stream.awaySince : undefined));
    if (nothing >= config.lifecycle.endAfterMs) {
      await endStream(kv, stream, now, (ended) => statusNews(ended, ended.endedAt!));
    } else if (stream.sellerAway && since(stream.awaySince) >= config.lifecycle.awayAfterMs) {
      await markAwayLong(kv, stream.id, (away) => statusNews(away, isoAt(now)));
    }
  }
}
