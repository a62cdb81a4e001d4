import type { ChatMessage, ChatRole } from "@/lib/contract/messages.ts";
import { canModerate, canSanction, quoted } from "@/lib/client/moderation.ts";
import type { ChatModeration } from "@/lib/client/use_chat_moderation.ts";
import { sentHere } from "@/lib/client/use_chat_sender.ts";
import { ModerationButtons } from "./ModerationButtons.tsx";

/** Under a chat message: the moderation buttons for the host and moderators, "Report" for viewers. */
export function ChatLineActions(
  { message, role, moderation }: { message: ChatMessage; role: ChatRole; moderation: ChatModeration },
) {
  if (canModerate(role)) {
    // The host deletes anyone's message; a moderator, viewers' and their own.
    const deletes = role === "seller" || canSanction(message) || sentHere(message);
    return <ModerationButtons message={message} moderation={moderation} deletes={deletes} />;
  }
  // Viewers report viewers, not themselves: the host and moderators answer to the seller.
  if (!canSanction(message) || sentHere(message)) return null;
  const reported = moderation.reported.value.has(message.id);
  return (
    <button
      type="button"
      class="link chat-report"
      disabled={moderation.busy.value || reported}
      aria-label={`${reported ? "Reported" : "Report"} message from ${message.name}: ${quoted(message)}`}
      onClick={() => moderation.report(message)}
    >
      {reported ? "Reported" : "Report"}
    </button>
  );
}
