// The seller's sales, live: reservations as they arrive (who, what, how many) and the
// stock left of each pinned product. Starts from the server-rendered view, follows the
// room's `reservation`, `stock` and `pins` messages, and refetches after a drop.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { getJson } from "../lib/client/api.ts";
import { liveRoom } from "../lib/client/live_room.ts";
import type { ReservationMessage } from "../lib/messages.ts";
import { type Sales, SALES_FEED_SIZE } from "../lib/sales.ts";

export interface SalesFeedProps {
  streamId: string;
  initial: Sales;
}

export default function SalesFeed({ streamId, initial }: SalesFeedProps) {
  const sales = useSignal(initial);
  const ready = useSignal(false);

  useEffect(() => {
    const live = liveRoom();
    // Stock counts from racing reservations may arrive out of order: keep the newest per product.
    const versions = new Map<string, string>();
    const offs = [
      live.on("reservation", (reservation) => {
        const others = sales.value.reservations.filter((r) => r.id !== reservation.id);
        sales.value = { ...sales.value, reservations: [reservation, ...others].slice(0, SALES_FEED_SIZE) };
      }),
      live.on("stock", ({ productId, stock, version }) => {
        if (version) {
          if (version < (versions.get(productId) ?? "")) return;
          versions.set(productId, version);
        }
        const pinned = sales.value.pinned.map((p) => p.id === productId ? { ...p, stock } : p);
        sales.value = { ...sales.value, pinned };
      }),
      live.on("pins", ({ products }) => sales.value = { ...sales.value, pinned: products }),
      live.onResync(() => {
        getJson<Sales>(`/api/streams/${encodeURIComponent(streamId)}/sales`).then((fresh) => {
          sales.value = fresh;
        }, () => {});
      }),
    ];
    ready.value = true;
    return () => offs.forEach((off) => off());
  }, []);

  const { reservations, pinned } = sales.value;
  return (
    <section class="sales-feed" data-ready={ready.value || undefined} aria-label="Sales">
      <h2>Sales</h2>
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
