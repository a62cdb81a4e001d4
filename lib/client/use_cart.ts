// The viewer's cart in one stream, kept by the server per viewer identity: it survives a
// reload. Every change answers with the whole cart, which replaces the local copy.
import { type Signal, useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { Cart, ReservationSummary } from "@/lib/contract/views.ts";
import { getJson, postJson } from "./api.ts";
import { type Action, useAction } from "./use_action.ts";

/** `busy` while a change runs; `error`: the last failure in plain words (sold out, sale ended, …). */
export interface CartControls extends Omit<Action, "run"> {
  cart: Signal<Cart>;
  /** The reservation just made, until the cart changes again. */
  reserved: Signal<ReservationSummary | null>;
  setQuantity(productId: string, quantity: number): Promise<boolean>;
  reserve(): Promise<boolean>;
}

export function useCart(streamId: string, enabled: boolean): CartControls {
  const base = `/api/streams/${encodeURIComponent(streamId)}`;
  const cart = useSignal<Cart>({ items: [] });
  const { busy, error, run } = useAction();
  const reserved = useSignal<ReservationSummary | null>(null);

  useEffect(() => {
    if (enabled) void run(async () => cart.value = (await getJson<{ cart: Cart }>(`${base}/cart`)).cart);
  }, []);

  return {
    cart,
    busy,
    error,
    reserved,
    setQuantity: (productId, quantity) =>
      run(async () => {
        cart.value = (await postJson<{ cart: Cart }>(`${base}/cart/items`, { productId, quantity })).cart;
        reserved.value = null;
      }),
    reserve: () =>
      run(async () => {
        const { reservation } = await postJson<{ reservation: ReservationSummary }>(`${base}/reservations`);
        reserved.value = reservation;
        cart.value = { items: [] };
      }),
  };
}

/** How many of the product the cart holds. */
export function quantityIn(cart: Cart, productId: string): number {
  return cart.items.find((i) => i.productId === productId)?.quantity ?? 0;
}
