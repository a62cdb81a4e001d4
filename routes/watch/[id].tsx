import WatchPlayer from "../../islands/WatchPlayer.tsx";
import { type Handlers, page, type PageProps } from "../../lib/fresh/mod.ts";
import { findStream } from "../../lib/guards.ts";
import type { State } from "../../lib/state.ts";
import type { Stream } from "../../lib/store/streams.ts";

export const handler: Handlers<State> = {
  GET: async (ctx) => page(await findStream(ctx.state, ctx.params.id!)),
};

export default function Watch({ data: stream, state, url }: PageProps<Stream, State>) {
  const name = state.seller?.name ?? state.guest?.name;
  return (
    <section class="watch-page">
      <WatchPlayer streamId={stream.id} status={stream.status} />
      <div class="stream-info">
        <h1>{stream.title}</h1>
        <p class="muted">{stream.sellerName}</p>
        {stream.description && <p>{stream.description}</p>}
      </div>
      {!state.seller && (
        <form method="post" action="/guest" class="guest-name">
          <input type="hidden" name="returnTo" value={url.pathname} />
          <label>
            Your name in chat
            <input name="name" required maxLength={40} value={name} placeholder="Pick a display name" />
          </label>
          <button type="submit">Save</button>
        </form>
      )}
    </section>
  );
}
