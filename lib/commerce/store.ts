// Carts and reservations. A cart holds prices as they were when added (a flash-sale
// price carries the sale's end). Reserving takes stock for every item in one atomic
// commit that checks each stock entry's versionstamp and the cart's: concurrent buyers
// can never take more than there is, and a failed reservation changes nothing.
import type { FlashSale } from "@/lib/contract/messages.ts";
import { MAX_CART_PRODUCTS, SALES_FEED_SIZE } from "@/lib/contract/limits.ts";
import type { Cart, CartItem, ReservationSummary } from "@/lib/contract/views.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { bumpIn } from "@/lib/analytics/store.ts";
import type { Product } from "@/lib/catalog/store.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { newId } from "@/lib/kv/ids.ts";
import { keys } from "@/lib/kv/keys.ts";

/** A reservation as stored: the summary and who made it. */
export interface Reservation extends ReservationSummary {
  identity: string;
  name: string;
}

export type SetCartResult =
  | { ok: true; cart: Cart }
  | { ok: false; reason: "cart_full" }
  | { ok: false; reason: "other_currency"; currency: string };

export type ReserveResult =
  | {
    ok: true;
    reservation: Reservation;
    stock: { productId: string; stock: number }[];
    /** The commit's versionstamp: the new stock counts' version. */
    version: string;
  }
  | { ok: false; reason: "cart_empty" }
  | { ok: false; reason: "sale_ended"; item: CartItem }
  | { ok: false; reason: "sold_out"; item: CartItem; left: number };

export async function getCart(kv: Deno.Kv, streamId: string, identity: string): Promise<Cart> {
  return (await kv.get<Cart>(keys.cart(streamId, identity))).value ?? { items: [] };
}

/**
 * Sets how many of `product` the cart holds (0 removes it). Refused when the cart is
 * full or holds prices in another currency (a reservation has one total).
 */
export async function setCartItem(
  kv: Deno.Kv,
  streamId: string,
  identity: string,
  item: { product: Product; quantity: number; sale: FlashSale | null },
  now: number,
): Promise<SetCartResult> {
  const { product, quantity, sale } = item;
  const onSale = sale?.productId === product.id && Date.parse(sale.endsAt) > now;
  return await atomically<SetCartResult>("changing the cart", async () => {
    const entry = await kv.get<Cart>(keys.cart(streamId, identity));
    const others = (entry.value?.items ?? []).filter((i) => i.productId !== product.id);
    if (quantity > 0 && others.length >= MAX_CART_PRODUCTS) return { ok: false, reason: "cart_full" };
    const currency = others[0]?.currency;
    if (quantity > 0 && currency && currency !== product.currency) {
      return { ok: false, reason: "other_currency", currency };
    }
    const items = quantity === 0 ? others : [...others, {
      productId: product.id,
      name: product.name,
      quantity,
      unitPriceMinor: onSale ? sale.salePriceMinor : product.priceMinor,
      currency: product.currency,
      saleEndsAt: onSale ? sale.endsAt : null,
    }];
    const cart = { items };
    const op = kv.atomic().check(entry).set(keys.cart(streamId, identity), cart);
    return (await op.commit()).ok ? { ok: true, cart } : RETRY;
  });
}

/** Turns the cart into a reservation, taking stock atomically and counting it in the stream's analytics. */
export async function reserveCart(
  kv: Deno.Kv,
  streamId: string,
  who: { identity: string; name: string },
  now: number,
): Promise<ReserveResult> {
  return await atomically<ReserveResult>("reserving", async () => {
    const cart = await kv.get<Cart>(keys.cart(streamId, who.identity));
    const items = cart.value?.items ?? [];
    if (items.length === 0) return { ok: false, reason: "cart_empty" };
    const ended = items.find((i) => i.saleEndsAt && Date.parse(i.saleEndsAt) <= now);
    if (ended) return { ok: false, reason: "sale_ended", item: ended };
    const stocks = await kv.getMany<number[]>(items.map((i) => keys.stock(i.productId)));
    const short = items.findIndex((i, k) => (stocks[k]!.value ?? 0) < i.quantity);
    if (short >= 0) {
      return { ok: false, reason: "sold_out", item: items[short]!, left: stocks[short]!.value ?? 0 };
    }
    const left = items.map((i, k) => ({ productId: i.productId, stock: stocks[k]!.value! - i.quantity }));
    const reservation: Reservation = {
      id: newId(),
      ...who,
      items,
      totalMinor: items.reduce((sum, i) => sum + i.unitPriceMinor * i.quantity, 0),
      currency: items[0]!.currency,
      at: isoAt(now),
    };
    const op = kv.atomic().check(cart, ...stocks)
      .delete(keys.cart(streamId, who.identity))
      .set(keys.reservation(streamId, reservation.id), reservation);
    for (const { productId, stock } of left) op.set(keys.stock(productId), stock);
    const units = items.reduce((sum, i) => sum + i.quantity, 0);
    const result = await bumpIn(op, streamId, { reservations: 1, unitsReserved: units }).commit();
    return result.ok ? { ok: true, reservation, stock: left, version: result.versionstamp } : RETRY;
  });
}

/** The stream's latest reservations, newest first. */
export async function listReservations(
  kv: Deno.Kv,
  streamId: string,
  opts: { limit?: number } = {},
): Promise<Reservation[]> {
  const list = kv.list<Reservation>({ prefix: keys.reservationsOf(streamId) }, {
    reverse: true,
    limit: opts.limit ?? SALES_FEED_SIZE,
  });
  return (await Array.fromAsync(list)).map((e) => e.value);
}
