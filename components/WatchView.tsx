import ChatPanel from "@/islands/ChatPanel.tsx";
import HighlightCard from "@/islands/HighlightCard.tsx";
import LikeButton from "@/islands/LikeButton.tsx";
import ProductTray from "@/islands/ProductTray.tsx";
import ReactionBar from "@/islands/ReactionBar.tsx";
import ReactionOverlay from "@/islands/ReactionOverlay.tsx";
import ViewerCount from "@/islands/ViewerCount.tsx";
import WatchPlayer from "@/islands/WatchPlayer.tsx";
import type { WatchPage } from "@/lib/pages/watch.ts";
import { presenceOf } from "@/lib/streams/news.ts";
import { GuestNameForm } from "./GuestNameForm.tsx";
import { PageTitle } from "./PageTitle.tsx";

interface WatchViewProps {
  page: WatchPage;
  /** The guest's display name, or undefined for a signed-in seller (who chats under their shop's). */
  guestName: string | undefined | null;
  path: string;
}

const NEEDS_SCRIPT =
  ".player video, .player .banner, .player-bar, .like-button, .reaction-bar, .chat-report, .cart-bar button { display: none }";

/** A stream as viewers see it: the player with reactions and the highlight, chat, the audience and the tray. */
export function WatchView(
  {
    page: { stream, chat, audience, showcase, moderation, join, seq, cart, holds, sheet, replay },
    guestName,
    path,
  }: WatchViewProps,
) {
  const open = stream.status !== "ended";
  // Turned away (banned, or the stream is full): the page says why, and offers nothing to do.
  const welcome = open && !moderation.refusal;
  // What a link to the stream shows where it is shared.
  const summary = stream.description || `Live shopping with ${stream.sellerName} on Showfloor`;
  return (
    <section class="watch-page">
      <PageTitle title={`${stream.title} · ${stream.sellerName}`}>
        <meta name="description" content={summary} />
        <meta property="og:type" content="video.other" />
        <meta property="og:site_name" content="Showfloor" />
        <meta property="og:title" content={stream.title} />
        <meta property="og:description" content={summary} />
      </PageTitle>
      {/* "unstarted": the player keeps no empty row for controls while it waits (styles.css). */}
      <div class={stream.status === "created" ? "watch-stage unstarted" : "watch-stage"}>
        {/* An ended stream's replay takes the player's place (a refusal keeps it, to say why). */}
        <WatchPlayer
          streamId={stream.id}
          status={stream.status}
          presence={presenceOf(stream)}
          refusal={moderation.refusal}
          join={join}
          seq={seq}
          replay={moderation.refusal ? [] : replay}
        />
        <ReactionOverlay />
        <HighlightCard streamId={stream.id} initial={showcase} ended={!open} />
      </div>
      {welcome && (
        <noscript>
          <p class="notice">
            This page needs JavaScript to play the video, to like, react, change your cart and reserve.
            Without it you can still chat, see the products and add them to your cart.
          </p>
          {/* What only works with JavaScript is not offered without it. */}
          <style>{NEEDS_SCRIPT}</style>
        </noscript>
      )}
      <div class="stream-info">
        <h1 dir="auto">{stream.title}</h1>
        <p class="muted" dir="auto">{stream.sellerName}</p>
      </div>
      {/* On a phone, chat comes next, under the video (a wide screen puts it in a column of its own). */}
      <ChatPanel
        streamId={stream.id}
        initial={chat}
        canPost={welcome}
        turnedAway={!!moderation.refusal}
        role={moderation.role}
        pinned={moderation.pinned}
        timedOutUntil={moderation.timedOutUntil}
      />
      <div class="audience-bar">
        <ViewerCount streamId={stream.id} initial={audience.viewers} />
        <LikeButton streamId={stream.id} initial={audience.likes} canLike={welcome} />
        <ReactionBar streamId={stream.id} canReact={welcome} timedOutUntil={moderation.timedOutUntil} />
      </div>
      {stream.description && <p dir="auto">{stream.description}</p>}
      <ProductTray
        streamId={stream.id}
        initial={showcase}
        canBuy={welcome}
        turnedAway={!!moderation.refusal}
        cart={cart}
        holds={holds}
        opened={sheet}
      />
      {welcome && guestName !== undefined && <GuestNameForm name={guestName ?? undefined} returnTo={path} />}
    </section>
  );
}
