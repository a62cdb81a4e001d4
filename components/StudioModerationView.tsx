import ChatRulesEditor from "@/islands/ChatRulesEditor.tsx";
import ModerationPanel from "@/islands/ModerationPanel.tsx";
import ModeratorsEditor from "@/islands/ModeratorsEditor.tsx";
import type { StudioModeration } from "@/lib/contract/views.ts";

/** The studio's moderation: this stream's reports, the shop's bans and log, its chat rules and moderators. */
export function StudioModerationView(
  { streamId, shopId, moderation }: { streamId: string; shopId: string; moderation: StudioModeration },
) {
  return (
    <section class="studio-moderation">
      <h2>Moderation</h2>
      <ModerationPanel streamId={streamId} shopId={shopId} initial={moderation} />
      <ChatRulesEditor shopId={shopId} initial={moderation.rules} />
      <ModeratorsEditor shopId={shopId} initial={moderation.moderators} />
    </section>
  );
}
