import { canSanction, quoted } from "@/lib/client/moderation.ts";
import type { ChatModeration } from "@/lib/client/use_chat_moderation.ts";
import { TIMEOUT_MINUTES, timeoutWords } from "@/lib/contract/limits.ts";
import type { ChatMessage } from "@/lib/contract/messages.ts";

/**
 * Time out (1, 5 or 10 minutes), delete (when the asker may: see ChatLineActions) and ban, in the
 * order they show, so the keyboard goes left to right too; each button named for whom and which
 * message it acts on ("Ban Ann over “buy cheap followers”"), whole (no group's name to add): a busy
 * chat has many lines by one author. The host's and moderators' messages are never timed out or banned.
 */
export function ModerationButtons(
  { message, moderation, deletes }: { message: ChatMessage; moderation: ChatModeration; deletes: boolean },
) {
  const { name } = message;
  const said = quoted(message);
  const busy = moderation.busy.value;
  const sanction = canSanction(message);
  if (!deletes && !sanction) return null;
  return (
    <span class="moderation-buttons">
      {/* "Time out 1 5 10 min", its words the stylesheet's: each number is in its button's name. */}
      {sanction && (
        <span class="timeouts">
          {TIMEOUT_MINUTES.map((minutes) => (
            <button
              key={minutes}
              type="button"
              disabled={busy}
              aria-label={`Time out ${name} for ${timeoutWords(minutes)} over ${said}`}
              onClick={() => moderation.timeOut(message, minutes)}
            >
              {minutes}
            </button>
          ))}
        </span>
      )}
      {deletes && (
        <button
          type="button"
          disabled={busy}
          aria-label={`Delete message from ${name}: ${said}`}
          onClick={() => moderation.remove(message)}
        >
          Delete
        </button>
      )}
      {sanction && (
        <button
          type="button"
          class="danger"
          disabled={busy}
          aria-label={`Ban ${name} over ${said}`}
          onClick={() => moderation.ban(message)}
        >
          Ban
        </button>
      )}
    </span>
  );
}
