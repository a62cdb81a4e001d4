// The seller's view of sales in a stream: the latest reservations (who, what, how many,
// and whether held, paid or returned) and the stock left of each pinned product. Shared
// by the studio page, the API the studio refetches after a drop, and the messages each
// reservation's changes send.
import { SALES_FEED_SIZE } from "@/lib/contract/limits.ts";
import { message, type ReservationMessage } from "@/lib/contract/messages.ts";
import { formatPrice } from "@/lib/contract/money.ts";
import type { ReservationSummary, Sales } from "@/lib/contract/views.ts";
import { getPins } from "@/lib/showcase/store.ts";
import { cardsOf } from "@/lib/showcase/view.ts";
import { listReservations, type Reservation } from "./holds.ts";

export function reservationMessage(reservation: Reservation): ReservationMessage {
  const { id, name, items, totalMinor, currency, at, status, expiresAt } = reservation;
  return message("reservation", {
    id,
    name,
    items: items.map(({ productId, name, quantity }) => ({ productId, name, quantity })),
    total: formatPrice(totalMinor, currency),
    at,
    status,
    expiresAt,
  });
}

/** What the buyer is told of their reservation: not who they are. */
export function summaryOf(reservation: Reservation): ReservationSummary {
  const { id, items, totalMinor, currency, at, expiresAt, status } = reservation;
  return { id, items, totalMinor, currency, at, expiresAt, status };
}

export async function salesOf(kv: Deno.Kv, streamId: string): Promise<Sales> {
  const [reservations, pins] = await Promise.all([
    listReservations(kv, streamId, { limit: SALES_FEED_SIZE }),
    getPins(kv, streamId),
  ]);
  return { reservations: reservations.map(reservationMessage), pinned: await cardsOf(kv, pins) };
}
