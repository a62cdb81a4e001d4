// The home page: who is live now, with how many watch. A stream whose seller has been
// away past the grace period is not shown: there is nothing to watch.
import { getViewerCounts, type ViewerCount } from "@/lib/audience/viewers.ts";
import type { Services } from "@/lib/core/services.ts";
import { listLiveStreams, type Stream } from "@/lib/streams/store.ts";

export interface HomePage {
  live: Stream[];
  viewers: Map<string, ViewerCount>;
}

export async function homePage({ kv }: Services): Promise<HomePage> {
  const live = (await listLiveStreams(kv)).filter((s) => !s.awayLong);
  return { live, viewers: await getViewerCounts(kv, live.map((s) => s.id)) };
}
