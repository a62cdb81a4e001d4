import type { Stream } from "../lib/store/streams.ts";

const STATUS: Record<Stream["status"], string> = { created: "Not live yet", live: "● Live", ended: "Ended" };

/** Streams as cards; `hrefOf` says where each card leads (watch page or studio). */
export function StreamList({ streams, hrefOf }: { streams: Stream[]; hrefOf: (s: Stream) => string }) {
  return (
    <ul class="stream-list">
      {streams.map((s) => (
        <li key={s.id} class="card stream-card" data-stream-id={s.id}>
          <a href={hrefOf(s)}>
            <span class={`badge badge-${s.status}`}>{STATUS[s.status]}</span>
            <strong>{s.title}</strong>
            <span class="muted">{s.sellerName}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
