import ChatPanel from "@/islands/ChatPanel.tsx";
import LikeButton from "@/islands/LikeButton.tsx";
import ReactionTally from "@/islands/ReactionTally.tsx";
import SalesFeed from "@/islands/SalesFeed.tsx";
import ShowcaseControls from "@/islands/ShowcaseControls.tsx";
import Studio from "@/islands/Studio.tsx";
import ViewerCount from "@/islands/ViewerCount.tsx";
import type { StudioPage } from "@/lib/pages/studio.ts";
import { PageTitle } from "./PageTitle.tsx";
import { ReplayView } from "./ReplayView.tsx";
import { StudioModerationView } from "./StudioModerationView.tsx";

/** A stream's studio: the broadcast, the showcase, the audience, sales, chat and its moderation. */
export function StudioView(
  {
    page: { stream, chat, audience, sales, catalog, showcase, analytics, pinned, moderation, replay },
    watchUrl,
  }: {
    page: StudioPage;
    watchUrl: string;
  },
) {
  const open = stream.status !== "ended";
  return (
    <section class="studio-page">
      <PageTitle title={`Studio: ${stream.title}`} />
      <h1>{stream.title}</h1>
      {stream.description && <p class="muted">{stream.description}</p>}
      <Studio streamId={stream.id} status={stream.status} watchUrl={watchUrl} analytics={analytics} />
      <ReplayView takes={replay} />
      <ShowcaseControls streamId={stream.id} catalog={catalog} initial={showcase} canEdit={open} />
      <div class="audience-bar">
        <ViewerCount streamId={stream.id} initial={audience.viewers} />
        <LikeButton streamId={stream.id} initial={audience.likes} canLike={false} />
        <ReactionTally />
      </div>
      <SalesFeed streamId={stream.id} initial={sales} />
      <ChatPanel streamId={stream.id} initial={chat} canPost={open} role="seller" pinned={pinned} />
      <StudioModerationView streamId={stream.id} shopId={stream.sellerId} moderation={moderation} />
    </section>
  );
}
