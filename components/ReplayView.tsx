import type { ReplayTake } from "@/lib/contract/views.ts";

/** A stream's replay once it has ended: a player per take (one per unbroken run of the seller's camera). */
export function ReplayView({ takes }: { takes: ReplayTake[] }) {
  if (!takes.length) return null;
  return (
    <section class="replay card" aria-labelledby="replay-heading">
      <h2 id="replay-heading">Replay</h2>
      {takes.map((take, i) => (
        <video
          key={take.id}
          src={take.url}
          controls
          playsInline
          preload="metadata"
          aria-label={takes.length > 1 ? `Replay, part ${i + 1} of ${takes.length}` : "Replay"}
        />
      ))}
    </section>
  );
}
