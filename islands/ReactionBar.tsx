// The viewer's emoji bar: each tap floats the emoji here at once and goes to the server,
// which sends the room a tally a few times a second; taps beyond a few a second are dropped.
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import {
  type Emoji,
  rateLimiter,
  REACTION_EMOJI,
  REACTIONS_PER_SECOND,
  sendReaction,
} from "@/lib/client/reactions.ts";
import { closedNow } from "@/lib/client/stream_status.ts";
import { useAction } from "@/lib/client/use_action.ts";
import { useStanding } from "@/lib/client/use_standing.ts";

const EMOJI_NAMES: Record<Emoji, string> = {
  "❤️": "love",
  "🔥": "fire",
  "😂": "laughing",
  "😮": "wow",
  "👏": "applause",
  "🛍️": "want it",
};

export interface ReactionBarProps {
  streamId: string;
  /** False once the stream has ended. */
  canReact: boolean;
  /** Timed out of the shop's chat until then (ISO): reactions are off too, as the chat says. */
  timedOutUntil: string | null;
}

export default function ReactionBar({ streamId, canReact, timedOutUntil }: ReactionBarProps) {
  const limiter = useRef(rateLimiter(REACTIONS_PER_SECOND));
  const sent = useSignal(0);
  const ready = useSignal(false);
  const { error, run } = useAction();
  const standing = useStanding(timedOutUntil).value;
  useEffect(() => void (ready.value = true), []);

  function react(emoji: Emoji) {
    if (!limiter.current.take()) return;
    sent.value++;
    void run(() => sendReaction(streamId, emoji));
  }

  if (!canReact || closedNow()) return null;
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
          aria-label={`React: ${EMOJI_NAMES[emoji]}`}
          disabled={!!standing.until}
          onClick={() => react(emoji)}
        >
          {emoji}
        </button>
      ))}
      {error.value && <p class="notice error" role="alert">{error.value}</p>}
    </div>
  );
}
