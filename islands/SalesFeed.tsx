// The seller's sales, live: reservations as they arrive (who, what, how many) and the
// stock left of each pinned product. Starts from the server-rendered view, follows the
// room's `reservation`, `stock` and `pins` messages, and refetches after a drop.
import { getJson } from "@/lib/client/api.ts";
import { useLiveState } from "@/lib/client/live_state.ts";
import { SALES_FEED_SIZE } from "@/lib/contract/limits.ts";
import type { ReservationMessage } from "@/lib/contract/messages.ts";
import type { Sales } from "@/lib/contract/views.ts";

export interface SalesFeedProps {
  streamId: string;
  initial: Sales;
}

export default function SalesFeed({ streamId, initial }: SalesFeedProps) {
  const { state: sales, ready, problem } = useLiveState(initial, {
    on: {
      reservation: (state, reservation) => {
        const others = state.reservations.filter((r) => r.id !== reservation.id);
        return { ...state, reservations: [reservation, ...others].slice(0, SALES_FEED_SIZE) };
      },
      stock: (state, { productId, stock }) => ({
        ...state,
        pinned: state.pinned.map((p) => p.id === productId ? { ...p, stock } : p),
      }),
      pins: (state, { products }) => ({ ...state, pinned: products }),
    },
    // Stock counts from racing reservations may arrive out of order: keep the newest per product.
    versions: (item) =>
      "productId" in item ? { [`stock:${item.productId}`]: (item as { version?: string }).version } : {},
    refetch: () => getJson<Sales>(`/api/streams/${encodeURIComponent(streamId)}/sales`),
  });

  const { reservations, pinned } = sales.value;
  return (
    <section class="sales-feed" data-ready={ready.value || undefined} aria-label="Sales">
      <h2>Sales</h2>
      {problem.value && <p class="notice error" role="alert">{problem.value}</p>}
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
            {reservations.map((r) => <ReservationLine key={r.id} reservation={r} />)}
          </ol>
        )
        : <p class="muted">No reservations yet.</p>}
    </section>
  );
}

function ReservationLine({ reservation }: { reservation: ReservationMessage }) {
  const time = new Date(reservation.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return (
    <li class="reservation" data-id={reservation.id}>
      <time dateTime={reservation.at}>{time}</time>{" "}
      <strong class="reservation-name">{reservation.name}</strong>
      {" reserved "}
      <span class="reservation-items">
        {reservation.items.map((i) => `${i.quantity} × ${i.name}`).join(", ")}
      </span>
    </li>
  );
}
