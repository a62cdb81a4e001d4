// The home page: who is live now, with how many watch. A stream whose seller has been
// away past the grace period is not shown: there is nothing to watch.
import { getViewerCounts } from "@/lib/audience/viewers.ts";
import type { StreamCard } from "@/lib/contract/views.ts";
import type { Services } from "@/lib/core/services.ts";
import { listLiveStreams } from "@/lib/streams/store.ts";

export interface HomePage {
  live: StreamCard[];
}

export async function homePage({ kv }: Services): Promise<HomePage> {
  const live = (await listLiveStreams(kv)).filter((s) => !s.awayLong);
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
