import ChatPanel from "../../islands/ChatPanel.tsx";
import LikeButton from "../../islands/LikeButton.tsx";
import ReactionTally from "../../islands/ReactionTally.tsx";
import SalesFeed from "../../islands/SalesFeed.tsx";
import ShowcaseControls from "../../islands/ShowcaseControls.tsx";
import ViewerCount from "../../islands/ViewerCount.tsx";
import Studio from "../../islands/Studio.tsx";
import { StreamAnalytics } from "../../components/StreamAnalytics.tsx";
import { type Handlers, page, type PageProps } from "../../lib/fresh/mod.ts";
import { findOwnStream } from "../../lib/guards.ts";
import { type Audience, audienceFor } from "../../lib/livekit/audience.ts";
import type { ChatMessage, ProductCard } from "../../lib/messages.ts";
import { type Sales, salesOf } from "../../lib/sales.ts";
import { cardOf, type Showcase, showcaseOf } from "../../lib/showcase.ts";
import type { State } from "../../lib/state.ts";
import { getAnalytics, type StreamAnalytics as Analytics } from "../../lib/store/analytics.ts";
import { listChat } from "../../lib/store/chat.ts";
import { listSellerProducts } from "../../lib/store/products.ts";
import type { Stream } from "../../lib/store/streams.ts";
import { streamLinks } from "../../lib/streams.ts";

interface Data {
  stream: Stream;
  watchUrl: string;
  chat: ChatMessage[];
  audience: Audience;
  sales: Sales;
  /** The seller's whole catalog, to pin from. */
  catalog: ProductCard[];
  showcase: Showcase;
  /** Once the stream has ended. */
  analytics: Analytics | null;
}

export const handler: Handlers<State> = {
  async GET(ctx) {
    const { seller } = ctx.state;
    if (!seller) return ctx.hono.redirect("/signin", 303);
    const stream = await findOwnStream(ctx.state, ctx.params.id!);
    const chat = await listChat(ctx.state.services.kv, stream.id);
    const audience = await audienceFor(ctx.hono, ctx.state, stream);
    const { kv } = ctx.state.services;
    const sales = await salesOf(kv, stream.id);
    const catalog = await Promise.all((await listSellerProducts(kv, seller.id)).map((p) => cardOf(kv, p)));
    const showcase = await showcaseOf(kv, stream.id);
    const analytics = stream.status === "ended" ? await getAnalytics(kv, stream.id) : null;
    const { watchUrl } = streamLinks(stream, ctx.url.origin);
    return page<Data>({ stream, watchUrl, chat, audience, sales, catalog, showcase, analytics });
  },
};

export default function StudioPage(
  { data: { stream, watchUrl, chat, audience, sales, catalog, showcase, analytics } }: PageProps<Data, State>,
) {
  return (
    <section class="studio-page">
      <h1>{stream.title}</h1>
      {stream.description && <p class="muted">{stream.description}</p>}
      <Studio streamId={stream.id} status={stream.status} watchUrl={watchUrl} />
      <ShowcaseControls
        streamId={stream.id}
        catalog={catalog}
        initial={showcase}
        canEdit={stream.status !== "ended"}
      />
      {analytics && <StreamAnalytics analytics={analytics} />}
      <div class="audience-bar">
        <ViewerCount streamId={stream.id} initial={audience.viewers} />
        <LikeButton streamId={stream.id} initial={audience.likes} canLike={false} />
        <ReactionTally />
      </div>
      <SalesFeed streamId={stream.id} initial={sales} />
      <ChatPanel streamId={stream.id} initial={chat} canPost={stream.status !== "ended"} />
    </section>
  );
}
