// The home page: who is live now, with how many watch. A stream with nothing to watch
// past the grace period is not shown: its seller is away, or connected but publishing no
// track.
import { getViewerCounts } from "@/lib/audience/viewers.ts";
import type { StreamCard } from "@/lib/contract/views.ts";
import type { Services } from "@/lib/core/services.ts";
import { listLiveStreams, type Stream } from "@/lib/streams/store.ts";

export interface HomePage {
  live: StreamCard[];
}

export async function homePage({ kv, clock, config }: Services): Promise<HomePage> {
  const now = clock.now();
  const watchable = ({ nothingToWatchSince: since }: Stream) =>
    !since || now - Date.parse(since) < config.lifecycle.awayAfterMs;
  const live = (await listLiveStreams(kv)).filter(watchable);
  const viewers = await getViewerCounts(kv, live.map((s) => s.id));
  return {
    live: live.map(({ id, title, sellerName, status }) => ({
      id,
      title,
      sellerName,
      status,
      watching: viewers.get(id)?.current ?? 0,
    })),
  };
}
