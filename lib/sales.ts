// The seller's view of sales in a stream: the latest reservations (who, what, how many)
// and the stock left of each pinned product. Shared by the studio page, the API the
// studio refetches after a drop, and the message each new reservation sends.
import type { ProductCard, ReservationMessage } from "./messages.ts";
import { cardsOf } from "./showcase.ts";
import { listReservations, type Reservation } from "./store/carts.ts";
import { getPins } from "./store/showcase.ts";

/** How many reservations the studio lists. */
export const SALES_FEED_SIZE = 50;

export interface Sales {
  /** Newest first. */
  reservations: ReservationMessage[];
  /** The pinned products in the seller's order, each with its stock left. */
  pinned: ProductCard[];
}

export function reservationMessage(reservation: Reservation): ReservationMessage {
  const { id, name, items, at } = reservation;
  return {
    v: 1,
    type: "reservation",
    id,
    name,
    items: items.map(({ productId, name, quantity }) => ({ productId, name, quantity })),
    at,
  };
}

export async function salesOf(kv: Deno.Kv, streamId: string): Promise<Sales> {
  const [reservations, pins] = await Promise.all([
    listReservations(kv, streamId, { limit: SALES_FEED_SIZE }),
    getPins(kv, streamId),
  ]);
  return { reservations: reservations.map(reservationMessage), pinned: await cardsOf(kv, pins) };
}
