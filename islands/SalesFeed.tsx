// The seller's sales, live: reservations as they arrive (who, what, how many) and the
// stock left of each pinned product. Starts from the server-rendered view, follows the
// room's `reservation`, `stock` and `pins` messages, and refetches after a drop. A line
// marked paid or released keeps the keyboard's focus, now on its new state.
import { useRef } from "preact/hooks";
import { localTime } from "@/lib/contract/dates.ts";
import { useSales, whoAndWhat } from "@/lib/client/use_sales.ts";
import { itemsText, type ReservationMessage } from "@/lib/contract/messages.ts";
import type { Sales } from "@/lib/contract/views.ts";

/** What a seller can do with a held reservation. */
interface Resolve {
  busy: boolean;
  resolve(id: string, what: "paid" | "release"): Promise<boolean>;
}

export interface SalesFeedProps {
  streamId: string;
  initial: Sales;
}

export default function SalesFeed({ streamId, initial }: SalesFeedProps) {
  const { state: sales, ready, problem, busy, error, said, resolve } = useSales(streamId, initial);
  const act: Resolve = { busy: busy.value, resolve };
  const { reservations, pinned } = sales.value;
  return (
    // #sales: where a refused delete sends the seller to settle the holds (components/StreamDeletion.tsx).
    <section id="sales" class="sales-feed" data-ready={ready.value || undefined} aria-label="Sales">
      <h2>Sales</h2>
      {/* In the page from the first render: a live region added with its words is often not read. */}
      <p class="visually-hidden" role="status">{said.value}</p>
      {[problem.value, error.value].filter(Boolean).map((e) => (
        <p key={e} class="notice error" role="alert">{e}</p>
      ))}
      {pinned.length > 0 && (
        <ul class="stock-list">
          {pinned.map((p) => (
            <li
              key={p.id}
              class={p.stock === 0 ? "stock-left sold-out" : "stock-left"}
              data-product-id={p.id}
              data-stock={p.stock}
            >
              <span>{p.name}</span> <strong>{p.stock === 0 ? "sold out" : `${p.stock} left`}</strong>
            </li>
          ))}
        </ul>
      )}
      {reservations.length
        ? (
          <ol class="reservations">
            {reservations.map((r) => <ReservationLine key={r.id} reservation={r} act={act} />)}
          </ol>
        )
        : <p class="muted">No reservations yet.</p>}
    </section>
  );
}

const STATUS: Record<ReservationMessage["status"], string> = {
  held: "held",
  paid: "paid",
  released: "released",
  cancelled: "let go by the buyer",
  expired: "expired",
};

function ReservationLine({ reservation, act }: { reservation: ReservationMessage; act: Resolve }) {
  const { id, at, name, items, total, status, expiresAt } = reservation;
  const line = useRef<HTMLLIElement>(null);
  // Its buttons go once it is settled: the focus goes to the line (not the top of the page),
  // unless the seller went on to something else meanwhile.
  const settle = async (what: "paid" | "release") => {
    if (!await act.resolve(id, what)) return;
    const focused = document.activeElement;
    if (!focused || focused === document.body || line.current?.contains(focused)) line.current?.focus();
  };
  return (
    <li
      ref={line}
      tabIndex={-1}
      class={`reservation reservation-${status}`}
      data-id={id}
      data-status={status}
    >
      <time dateTime={at}>{localTime(at)}</time> <strong class="reservation-name">{name}</strong>
      {" reserved "}
      <span class="reservation-items">{itemsText(items)}</span>
      {" for "}
      <strong class="reservation-total">{total}</strong>{" "}
      <span class="reservation-status">
        {status === "held" ? `held until ${localTime(expiresAt)}` : STATUS[status]}
      </span>
      {status === "held" && (
        <span class="item-actions">
          <button
            type="button"
            aria-label={`Mark paid: ${whoAndWhat(reservation)}`}
            disabled={act.busy}
            onClick={() => settle("paid")}
          >
            Mark paid
          </button>
          <button
            type="button"
            aria-label={`Release ${whoAndWhat(reservation)}`}
            disabled={act.busy}
            onClick={() => settle("release")}
          >
            Release
          </button>
        </span>
      )}
    </li>
  );
}
