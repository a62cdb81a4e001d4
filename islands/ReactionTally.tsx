// The seller's running tally of reactions per emoji since the studio opened.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { type Emoji, onReaction, REACTION_EMOJI } from "@/lib/client/reactions.ts";

export default function ReactionTally() {
  const counts = useSignal<Partial<Record<Emoji, number>>>({});
  const ready = useSignal(false);

  useEffect(() => {
    const off = onReaction((emoji) =>
      counts.value = { ...counts.value, [emoji]: (counts.value[emoji] ?? 0) + 1 }
    );
    ready.value = true;
    return off;
  }, []);

  const total = Object.values(counts.value).reduce((sum, n) => sum + n, 0);
  return (
    <div class="reaction-tally" data-total={total} data-ready={ready.value || undefined}>
      <span class="muted">Reactions</span>
      <ul>
        {REACTION_EMOJI.map((emoji) => (
          <li key={emoji} data-emoji={emoji} data-count={counts.value[emoji] ?? 0}>
            {emoji} <strong>{counts.value[emoji] ?? 0}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
