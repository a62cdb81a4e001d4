import type { StreamCard, StreamStatus } from "@/lib/contract/views.ts";
import { localDayAndTime } from "@/lib/contract/dates.ts";

const STATUS: Record<StreamStatus, string> = { created: "Not live yet", live: "● Live", ended: "Ended" };

interface StreamListProps {
  streams: StreamCard[];
  /** Where each card leads (watch page or studio). */
  hrefOf: (s: StreamCard) => string;
}

/** A seller's own stream: when it was made, or went live, tells two of one title apart. */
type OwnCard = StreamCard & { createdAt?: string; startedAt?: string };

/** Streams as cards: status, title, seller (or, in a seller's own list, when), and how many watch (when known). */
export function StreamList({ streams, hrefOf }: StreamListProps) {
  return (
    <ul class="stream-list">
      {streams.map((s) => (
        <li key={s.id} class="card stream-card" data-stream-id={s.id} data-viewers={s.watching}>
          <a href={hrefOf(s)}>
            <span class={`badge badge-${s.status}`}>{STATUS[s.status]}</span>
            <strong>{s.title}</strong>
            <span class="muted">
              {whenOf(s) ?? <bdi>{s.sellerName}</bdi>}
              {s.watching !== undefined && ` · 👁 ${s.watching} watching`}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function whenOf({ createdAt, startedAt }: OwnCard): string | null {
  if (startedAt) return `Went live ${localDayAndTime(startedAt)}`;
  return createdAt ? `Created ${localDayAndTime(createdAt)}` : null;
}
