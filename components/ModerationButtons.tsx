import { canSanction } from "@/lib/client/moderation.ts";
import type { ChatModeration } from "@/lib/client/use_chat_moderation.ts";
import { TIMEOUT_MINUTES, timeoutWords } from "@/lib/contract/limits.ts";
import type { ChatMessage } from "@/lib/contract/messages.ts";

/**
 * Delete (when the asker may: see ChatLineActions), time out (1, 5 or 10 minutes) and ban,
 * each button named for whom it acts on. The host's and moderators' messages are never
 * timed out or banned.
 */
export function ModerationButtons(
  { message, moderation, deletes }: { message: ChatMessage; moderation: ChatModeration; deletes: boolean },
) {
  const { name } = message;
  const busy = moderation.busy.value;
  const sanction = canSanction(message);
  if (!deletes && !sanction) return null;
  return (
    <span class="moderation-buttons" role="group" aria-label={`Moderate ${name}`}>
      {deletes && (
        <button
          type="button"
          disabled={busy}
          aria-label={`Delete message from ${name}`}
          onClick={() => moderation.remove(message)}
        >
          Delete
        </button>
      )}
      {sanction && (
        <>
          <span class="moderation-caption" aria-hidden="true">Time out</span>
          {/* "Time out 1 5 10 min": one row on a phone; each number is part of its button's name. */}
          {TIMEOUT_MINUTES.map((minutes) => (
            <button
              key={minutes}
              type="button"
              disabled={busy}
              aria-label={`Time out ${name} for ${timeoutWords(minutes)}`}
              onClick={() => moderation.timeOut(message, minutes)}
            >
              {minutes}
            </button>
          ))}
          <span class="moderation-caption" aria-hidden="true">min</span>
          <button
            type="button"
            class="danger"
            disabled={busy}
            aria-label={`Ban ${name}`}
            onClick={() => moderation.ban(message)}
          >
            Ban
          </button>
        </>
      )}
    </span>
  );
}
