import { StreamList } from "../components/StreamList.tsx";
import { type Handlers, page, type PageProps } from "../lib/fresh/mod.ts";
import type { State } from "../lib/state.ts";
import { listLiveStreams, type Stream } from "../lib/store/streams.ts";

export const handler: Handlers<State> = {
  GET: async (ctx) => page(await listLiveStreams(ctx.state.services.kv)),
};

export default function Home({ data: live }: PageProps<Stream[]>) {
  return (
    <section>
      <h1>Live now</h1>
      {live.length ? <StreamList streams={live} hrefOf={(s) => `/watch/${s.id}`} /> : (
        <p class="muted">
          Nobody is live right now. Sellers: <a href="/studio">open your studio</a> to go live.
        </p>
      )}
    </section>
  );
}
