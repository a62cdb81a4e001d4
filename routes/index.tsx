import { StreamList } from "../components/StreamList.tsx";
import { type Handlers, page, type PageProps } from "../lib/fresh/mod.ts";
import type { State } from "../lib/state.ts";
import { listLiveStreams, type Stream } from "../lib/store/streams.ts";
import { getViewerCounts, type ViewerCount } from "../lib/store/viewers.ts";

interface Data {
  live: Stream[];
  viewers: Map<string, ViewerCount>;
}

export const handler: Handlers<State> = {
  GET: async (ctx) => {
    const { kv } = ctx.state.services;
    const live = await listLiveStreams(kv);
    return page<Data>({ live, viewers: await getViewerCounts(kv, live.map((s) => s.id)) });
  },
};

export default function Home({ data: { live, viewers } }: PageProps<Data>) {
  return (
    <section>
      <h1>Live now</h1>
      {live.length
        ? <StreamList streams={live} hrefOf={(s) => `/watch/${s.id}`} viewers={viewers} />
        : (
          <p class="muted">
            Nobody is live right now. Sellers: <a href="/studio">open your studio</a> to go live.
          </p>
        )}
    </section>
  );
}
