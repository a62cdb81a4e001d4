import ChatPanel from "@/islands/ChatPanel.tsx";
import LikeButton from "@/islands/LikeButton.tsx";
import ReactionTally from "@/islands/ReactionTally.tsx";
import SalesFeed from "@/islands/SalesFeed.tsx";
import ShowcaseControls from "@/islands/ShowcaseControls.tsx";
import Studio from "@/islands/Studio.tsx";
import ViewerCount from "@/islands/ViewerCount.tsx";
import type { StudioPage } from "@/lib/pages/studio.ts";
import type { FormFailure } from "@/lib/server/forms.ts";
import { PageTitle } from "./PageTitle.tsx";
import { StudioModerationView } from "./StudioModerationView.tsx";

/**
 * A stream's studio: the broadcast (then its replay), the audience and chat, the showcase,
 * sales and moderation. In this order on a phone, so a seller live sees viewers' questions
 * under the camera; on a wide screen the chat sits beside the broadcast.
 */
export function StudioView(
  { page, watchUrl, refusal }: { page: StudioPage; watchUrl: string; refusal?: FormFailure },
) {
  const { stream, audience } = page;
  const open = stream.status !== "ended";
  return (
    <section class="studio-page">
      <PageTitle title={`Studio: ${stream.title}`} />
      <h1 dir="auto">{stream.title}</h1>
      {stream.description && <p class="muted" dir="auto">{stream.description}</p>}
      <Studio
        streamId={stream.id}
        title={stream.title}
        status={stream.status}
        draftRemovedAt={page.draftRemovedAt}
        deleteRefusal={refusal && { message: refusal.error, code: refusal.code }}
        watchUrl={watchUrl}
        analytics={page.analytics}
        recording={page.recording}
        replay={open ? null : page.replay}
      />
      <div class="audience-bar">
        <ViewerCount streamId={stream.id} initial={audience.viewers} />
        <LikeButton streamId={stream.id} initial={audience.likes} canLike={false} />
        <ReactionTally initial={page.reactions} />
      </div>
      <ChatPanel streamId={stream.id} initial={page.chat} canPost={open} role="seller" pinned={page.pinned} />
      <ShowcaseControls streamId={stream.id} catalog={page.catalog} initial={page.showcase} canEdit={open} />
      <SalesFeed streamId={stream.id} initial={page.sales} />
      <StudioModerationView streamId={stream.id} shopId={stream.sellerId} moderation={page.moderation} />
    </section>
  );
}
