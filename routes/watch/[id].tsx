import ChatPanel from "../../islands/ChatPanel.tsx";
import HighlightCard from "../../islands/HighlightCard.tsx";
import LikeButton from "../../islands/LikeButton.tsx";
import ProductTray from "../../islands/ProductTray.tsx";
import ReactionBar from "../../islands/ReactionBar.tsx";
import ReactionOverlay from "../../islands/ReactionOverlay.tsx";
import ViewerCount from "../../islands/ViewerCount.tsx";
import WatchPlayer from "../../islands/WatchPlayer.tsx";
import { type Handlers, page, type PageProps } from "../../lib/fresh/mod.ts";
import { findStream } from "../../lib/guards.ts";
import { type Audience, audienceFor } from "../../lib/livekit/audience.ts";
import type { ChatMessage } from "../../lib/messages.ts";
import { type Showcase, showcaseOf } from "../../lib/showcase.ts";
import type { State } from "../../lib/state.ts";
import { listChat } from "../../lib/store/chat.ts";
import type { Stream } from "../../lib/store/streams.ts";

interface Data {
  stream: Stream;
  chat: ChatMessage[];
  audience: Audience;
  showcase: Showcase;
}

export const handler: Handlers<State> = {
  GET: async (ctx) => {
    const stream = await findStream(ctx.state, ctx.params.id!);
    return page<Data>({
      stream,
      chat: await listChat(ctx.state.services.kv, stream.id),
      audience: await audienceFor(ctx.hono, ctx.state, stream),
      showcase: await showcaseOf(ctx.state.services.kv, stream.id),
    });
  },
};

export default function Watch(
  { data: { stream, chat, audience, showcase }, state, url }: PageProps<Data, State>,
) {
  const name = state.seller?.name ?? state.guest?.name;
  return (
    <section class="watch-page">
      <div class="watch-stage">
        <WatchPlayer streamId={stream.id} status={stream.status} sellerAway={!!stream.sellerAway} />
        <ReactionOverlay />
        <HighlightCard streamId={stream.id} initial={showcase} ended={stream.status === "ended"} />
      </div>
      <div class="audience-bar">
        <ViewerCount streamId={stream.id} initial={audience.viewers} />
        <LikeButton streamId={stream.id} initial={audience.likes} canLike={stream.status !== "ended"} />
        <ReactionBar canReact={stream.status !== "ended"} />
      </div>
      <ProductTray streamId={stream.id} initial={showcase} canBuy={stream.status !== "ended"} />
      <ChatPanel streamId={stream.id} initial={chat} canPost={stream.status !== "ended"} />
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
