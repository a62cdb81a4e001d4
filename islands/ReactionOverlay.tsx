// Reactions floating up over the video: everyone's, as the room's tallies arrive, and
// one's own at once.
// At most a screenful at once, so a flood cannot bog the page down.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { type Emoji, onReaction } from "@/lib/client/reactions.ts";

const FLOAT_MS = 2500;
const MAX_FLOATING = 30;

interface Floating {
  id: number;
  emoji: Emoji;
  /** Horizontal start, in % of the width. */
  left: number;
}

export default function ReactionOverlay() {
  const floating = useSignal<Floating[]>([]);
  const shown = useSignal(0);
  const ready = useSignal(false);

  useEffect(() => {
    let next = 0;
    const off = onReaction((emoji, count) => {
      shown.value += count;
      for (let i = 0; i < count && floating.value.length < MAX_FLOATING; i++) {
        const id = next++;
        floating.value = [...floating.value, { id, emoji, left: 60 + Math.random() * 30 }];
        setTimeout(() => floating.value = floating.value.filter((f) => f.id !== id), FLOAT_MS + i * 80);
      }
    });
    ready.value = true;
    return off;
  }, []);

  return (
    <div
      class="reaction-overlay"
      aria-hidden="true"
      data-shown={shown.value}
      data-ready={ready.value || undefined}
    >
      {floating.value.map((f) => (
        <span key={f.id} class="floating-reaction" style={{ left: `${f.left}%` }}>{f.emoji}</span>
      ))}
    </div>
  );
}
