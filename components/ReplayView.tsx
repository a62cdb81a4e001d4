import { useSignal } from "@preact/signals";
import type { ReplayTake } from "@/lib/contract/views.ts";

/**
 * A stream's replay once it has ended, where its video was: a player per take (one per
 * unbroken run of the seller's camera), each named for its place when there are several.
 * The seller's studio says how it was saved above it (components/ReplayStatus.tsx), not
 * the viewers' thanks, a status: where the replay takes an open page's player, a screen
 * reader hears that it came.
 */
export function ReplayView({ takes, seller = false }: { takes: ReplayTake[]; seller?: boolean }) {
  // A part that fails to load or play (deleted with its stream since the page came) says so.
  const broken = useSignal(false);
  const parts = takes.length;
  if (!parts) return null;
  return (
    <section class="replay card" aria-labelledby="replay-heading">
      <h2 id="replay-heading">Replay</h2>
      {!seller && !broken.value && (
        <p class="muted" role="status">
          This stream has ended. Thanks for watching! Watch it again here{parts > 1
            ? `, in ${parts} parts`
            : ""}.
        </p>
      )}
      {broken.value && (
        <p class="notice error" role="alert">
          This replay can't be played: it may have been deleted. Reload the page to see.
        </p>
      )}
      {takes.map((take, i) => (
        <figure key={take.id}>
          {parts > 1 && <figcaption>Part {i + 1} of {parts}</figcaption>}
          <video
            src={take.url}
            controls
            playsInline
            preload="metadata"
            aria-label={parts > 1 ? `Replay, part ${i + 1} of ${parts}` : "Replay"}
            onError={() => broken.value = true}
          />
        </figure>
      ))}
    </section>
  );
}
