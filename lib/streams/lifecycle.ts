// A stream follows what really happens: a seller gone past the grace period shows viewers
// "away" (and leaves the home page's live list); one gone much longer ends the stream,
// exactly as if they had ended it. Run every few seconds, in any number of processes:
// each change is a checked commit, so it happens and is told once.
import type { Services } from "@/lib/core/services.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { statusNews } from "./news.ts";
import { endStream, listLiveStreams, markAwayLong } from "./store.ts";

export async function followSellers(services: Services): Promise<void> {
  const { kv, clock, config } = services;
  const now = clock.now();
  for (const stream of await listLiveStreams(kv)) {
    if (!stream.sellerAway || !stream.awaySince) continue;
    const gone = now - Date.parse(stream.awaySince);
    if (gone >= config.lifecycle.endAfterMs) {
      await endStream(kv, stream, now, (ended) => statusNews(ended, ended.endedAt!));
    } else if (gone >= config.lifecycle.awayAfterMs) {
      await markAwayLong(kv, stream.id, (away) => statusNews(away, isoAt(now)));
    }
  }
}
