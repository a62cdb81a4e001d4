// The viewer's emoji bar: each tap floats the emoji here and sends it to the room as a
// lossy data message; taps beyond a few a second are dropped.
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import {
  type Emoji,
  rateLimiter,
  REACTION_EMOJI,
  REACTIONS_PER_SECOND,
  sendReaction,
} from "@/lib/client/reactions.ts";

export interface ReactionBarProps {
  /** False once the stream has ended. */
  canReact: boolean;
}

export default function ReactionBar({ canReact }: ReactionBarProps) {
  const limiter = useRef(rateLimiter(REACTIONS_PER_SECOND));
  const sent = useSignal(0);
  const ready = useSignal(false);
  useEffect(() => void (ready.value = true), []);

  function react(emoji: Emoji) {
    if (!limiter.current.take()) return;
    sent.value++;
    // A lost reaction is fine (lossy by design); a failure must not break the page.
    sendReaction(emoji).catch(() => {});
  }

  if (!canReact) return null;
  return (
    <div
      class="reaction-bar"
      role="group"
      aria-label="React"
      data-sent={sent.value}
      data-ready={ready.value || undefined}
    >
      {REACTION_EMOJI.map((emoji) => (
        <button
          key={emoji}
          type="button"
          class="reaction"
          data-emoji={emoji}
          onClick={() => react(emoji)}
        >
          {emoji}
        </button>
      ))}
    </div>
  );
}
