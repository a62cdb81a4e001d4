import Studio from "../../islands/Studio.tsx";
import { type Handlers, page, type PageProps } from "../../lib/fresh/mod.ts";
import { findOwnStream } from "../../lib/guards.ts";
import type { State } from "../../lib/state.ts";
import type { Stream } from "../../lib/store/streams.ts";
import { streamLinks } from "../../lib/streams.ts";

interface Data {
  stream: Stream;
  watchUrl: string;
}

export const handler: Handlers<State> = {
  async GET(ctx) {
    if (!ctx.state.seller) return ctx.hono.redirect("/signin", 303);
    const stream = await findOwnStream(ctx.state, ctx.params.id!);
    return page<Data>({ stream, watchUrl: streamLinks(stream, ctx.url.origin).watchUrl });
  },
};

export default function StudioPage({ data: { stream, watchUrl } }: PageProps<Data, State>) {
  return (
    <section class="studio-page">
      <h1>{stream.title}</h1>
      {stream.description && <p class="muted">{stream.description}</p>}
      <Studio streamId={stream.id} status={stream.status} watchUrl={watchUrl} />
    </section>
  );
}
