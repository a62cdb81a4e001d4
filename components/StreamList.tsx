import type { Stream } from "@/lib/streams/store.ts";
import type { ViewerCount } from "@/lib/audience/viewers.ts";

const STATUS: Record<Stream["status"], string> = { created: "Not live yet", live: "● Live", ended: "Ended" };

interface StreamListProps {
  streams: Stream[];
  /** Where each card leads (watch page or studio). */
  hrefOf: (s: Stream) => string;
  /** Viewer counts, shown on each card when given (the home page's live streams). */
  viewers?: Map<string, ViewerCount>;
}

/** Streams as cards: status, title, seller, and how many watch. */
export function StreamList({ streams, hrefOf, viewers }: StreamListProps) {
  return (
    <ul class="stream-list">
      {streams.map((s) => {
        const watching = viewers && (viewers.get(s.id)?.current ?? 0);
        return (
          <li key={s.id} class="card stream-card" data-stream-id={s.id} data-viewers={watching}>
            <a href={hrefOf(s)}>
              <span class={`badge badge-${s.status}`}>{STATUS[s.status]}</span>
              <strong>{s.title}</strong>
              <span class="muted">
                {s.sellerName}
                {watching !== undefined && ` · 👁 ${watching} watching`}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
