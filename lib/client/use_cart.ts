// The viewer's cart and holds in one stream, kept by the server per viewer: they survive
// a reload. The cart is priced by the server as products cost now, fetched again when the
// highlight or its flash sale changes and when a sale price runs out, so a stale sale
// price never stays on screen; a reservation sends the total it showed, and a total that
// changed meanwhile is refused rather than charged.
import { type Signal, useSignal } from "@preact/signals";
import type { ReservationMessage } from "@/lib/contract/messages.ts";
import type { Cart, CartItem, ReservationSummary } from "@/lib/contract/views.ts";
import { deleteJson, getJson, postJson, streamApi } from "./api.ts";
import { useLiveState } from "./live_state.ts";
import { remainingMs } from "./server_clock.ts";
import { refetchShowcase } from "./showcase_store.ts";
import { type Action, useAction } from "./use_action.ts";
import { endedNow } from "./stream_status.ts";
import { useAskingAgain, useAtEnd, useNow } from "./use_now.ts";

export interface CartControls extends Omit<Action, "run"> {
  cart: Signal<Cart>;
  /** What the buyer holds in this stream now. */
  holds: Signal<ReservationSummary[]>;
  /** The reservation just made, until the cart changes again. */
  reserved: Signal<ReservationSummary | null>;
  /** The last hold the seller marked paid or let go, or that ran out. */
  settled: Signal<{ last: ReservationMessage | null }>;
  /** The server's clock minus this browser's (ms): when sale prices and holds end. */
  offset: number;
  setQuantity(productId: string, quantity: number): Promise<boolean>;
  reserve(): Promise<boolean>;
  cancel(reservationId: string): Promise<boolean>;
}

const EMPTY: Cart = { items: [], totalMinor: 0 };

/** `atLoad`: the cart and holds the page was rendered with. */
export function useCart(
  streamId: string,
  offset: number,
  atLoad: { cart: Cart; holds: ReservationSummary[] },
): CartControls {
  const api = cartApi(streamId);
  // Fetched again when the highlight changes, when a product on show does (its price, its
  // name), and when the stream's status does (once it ends, the page says what becomes of
  // what is held).
  const cart = useLiveState(atLoad.cart, {
    on: {},
    refetchOn: ["highlight", "changed", "status"],
    refetch: api.cart,
  });
  // The buyer hears of each of their holds (topic "reservation", to them alone): made in
  // another tab, or settled by the seller or the clock.
  const holds = useLiveState(atLoad.holds, {
    on: {},
    refetchOn: ["status", "reservation"],
    refetch: api.holds,
  });
  const settled = useLiveState<{ last: ReservationMessage | null }>({ last: null }, {
    on: { reservation: (held, m) => m.status === "held" || m.status === "cancelled" ? held : { last: m } },
  }).state;
  const { busy, error, run } = useAction();
  const reserved = useSignal<ReservationSummary | null>(null);
  const ends = [
    ...cart.state.value.items.map((i) => i.saleEndsAt),
    ...holds.state.value.map((h) => h.expiresAt),
  ];
  useAtEnd(ends, offset, () => (cart.refetch(), holds.refetch()));
  // After the end, the seller settles holds with no room to tell the buyer: asked for again.
  // With them, the stock they gave back.
  useAskingAgain(endedNow() && holds.state.value.length > 0, () => (holds.refetch(), refetchShowcase()));

  return {
    cart: cart.state,
    holds: holds.state,
    reserved,
    settled,
    offset,
    busy,
    error,
    setQuantity: (productId, quantity) =>
      run(async () => {
        cart.state.value = await api.setQuantity(productId, quantity);
        reserved.value = null;
      }),
    reserve: () =>
      run(async () => {
        try {
          reserved.value = await api.reserve(currentTotal(cart.state.value.items, offset));
          cart.state.value = EMPTY;
        } finally {
          cart.refetch();
          holds.refetch();
        }
      }),
    cancel: (id) =>
      run(async () => {
        await api.cancel(id);
        if (reserved.value?.id === id) reserved.value = null;
        holds.refetch();
        refetchShowcase();
      }),
  };
}

/** The stream's cart and reservation endpoints, each unwrapped to what it answers. */
function cartApi(streamId: string) {
  const base = streamApi(streamId);
  return {
    cart: async () => (await getJson<{ cart: Cart }>(`${base}/cart`)).cart,
    holds: async () =>
      (await getJson<{ reservations: ReservationSummary[] }>(`${base}/reservations`)).reservations,
    setQuantity: async (productId: string, quantity: number) =>
      (await postJson<{ cart: Cart }>(`${base}/cart/items`, { productId, quantity })).cart,
    reserve: async (totalMinor: number) =>
      (await postJson<{ reservation: ReservationSummary }>(`${base}/reservations`, { totalMinor }))
        .reservation,
    cancel: (id: string) => deleteJson<void>(`${base}/reservations/${encodeURIComponent(id)}`),
  };
}

/** The unit price now: the list price once a sale price has run out on the server's clock. */
export function currentPrice(item: CartItem, offset: number, now = Date.now()): number {
  return item.saleEndsAt && remainingMs(item.saleEndsAt, offset, now) <= 0
    ? item.listPriceMinor
    : item.unitPriceMinor;
}

export function currentTotal(items: CartItem[], offset: number, now = Date.now()): number {
  return items.reduce((sum, i) => sum + currentPrice(i, offset, now) * i.quantity, 0);
}

/** Re-renders the caller while a sale price in the cart is counting down. */
export function useCartClock(cart: CartControls): number {
  return useNow(cart.cart.value.items.some((i) => i.saleEndsAt));
}

/** How many of the product the cart holds. */
export function quantityIn(cart: Cart, productId: string): number {
  return cart.items.find((i) => i.productId === productId)?.quantity ?? 0;
}

/** Units of the product the buyer holds, and until when the first of them is held. */
export function heldOf(
  holds: ReservationSummary[],
  productId: string,
): { units: number; until: string | null } {
  const mine = holds.filter((h) => h.items.some((i) => i.productId === productId));
  const units = mine.flatMap((h) => h.items).filter((i) => i.productId === productId).reduce(
    (s, i) => s + i.quantity,
    0,
  );
  return { units, until: mine[0]?.expiresAt ?? null };
}
