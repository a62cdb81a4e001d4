// The home page: who is live now, with how many watch, the most watched first (then the
// newest). A stream with nothing to watch past the grace period is not shown: its seller
// is away, or connected but publishing no track. However many go live, the page lists a
// few and says how many more: the same reads as ever (the live streams and their counts),
// on the busiest page, which no cache keeps.
import { getViewerCounts } from "@/lib/audience/viewers.ts";
import type { LiveList } from "@/lib/contract/views.ts";
import type { Services } from "@/lib/core/services.ts";
import { listLiveStreams, type Stream } from "@/lib/streams/store.ts";

/** How many the home page and /api/live list at most. */
const SHOWN_LIVE = 48;

export async function homePage({ kv, clock, config }: Services): Promise<LiveList> {
  const now = clock.now();
  const watchable = ({ nothingToWatchSince: since }: Stream) =>
    !since || now - Date.parse(since) < config.lifecycle.awayAfterMs;
  const live = (await listLiveStreams(kv)).filter(watchable);
  const viewers = await getViewerCounts(kv, live.map((s) => s.id));
  const watching = (s: Stream) => viewers.get(s.id)?.current ?? 0;
  live.sort((a, b) => watching(b) - watching(a) || b.startedAt!.localeCompare(a.startedAt!));
  return {
    live: live.slice(0, SHOWN_LIVE).map((s) => ({
      id: s.id,
      title: s.title,
      sellerName: s.sellerName,
      status: s.status,
      watching: watching(s),
    })),
    more: Math.max(0, live.length - SHOWN_LIVE),
  };
}
