// The seller's running tally of reactions per emoji: the stream's totals when the studio
// opened, plus the room's tallies since.
import { useLiveState } from "@/lib/client/live_state.ts";
import { type Emoji, REACTION_EMOJI } from "@/lib/contract/limits.ts";
import type { ReactionCounts as Counts } from "@/lib/contract/views.ts";

export default function ReactionTally({ initial }: { initial: Counts }) {
  const { state: counts, ready } = useLiveState<Counts>(initial, {
    on: {
      reactions: (held, { counts }) => {
        const sum: Counts = { ...held };
        for (const [emoji, n] of Object.entries(counts) as [Emoji, number][]) {
          sum[emoji] = (sum[emoji] ?? 0) + n;
        }
        return sum;
      },
    },
  });
  const total = Object.values(counts.value).reduce((sum, n) => sum + (n ?? 0), 0);
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
