// A viewer's cart and reservations in a stream, and the seller's view of its sales.
// Reserving takes stock atomically (never oversold), then everyone hears the new stock
// and the seller hears who reserved what.
import { bump } from "@/lib/analytics/store.ts";
import { MAX_CART_PRODUCTS } from "@/lib/contract/limits.ts";
import { message } from "@/lib/contract/messages.ts";
import type { Cart, CartItem, ReservationSummary, Sales } from "@/lib/contract/views.ts";
import type { Actor } from "@/lib/core/actor.ts";
import { conflict } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { sellersProduct } from "@/lib/catalog/access.ts";
import { sellerIdentity } from "@/lib/livekit/names.ts";
import { announce } from "@/lib/livekit/room_service.ts";
import { getSale } from "@/lib/showcase/store.ts";
import { findStream, openStream, ownStream } from "@/lib/streams/access.ts";
import type { CartItemInput } from "./inputs.ts";
import { reservationMessage, salesOf } from "./sales.ts";
import { getCart, reserveCart, setCartItem } from "./store.ts";

export async function cart({ kv }: Services, actor: Actor, streamId: string): Promise<Cart> {
  const stream = await findStream(kv, streamId);
  return await getCart(kv, stream.id, actor.identity);
}

/** Sets how many of a product the asker's cart holds (0 removes it); the price is fixed now. */
export async function setItem(
  services: Services,
  actor: Actor,
  streamId: string,
  input: CartItemInput,
): Promise<Cart> {
  const { kv, clock } = services;
  const stream = await openStream(kv, streamId);
  const product = await sellersProduct(kv, stream.sellerId, input.productId);
  const sale = await getSale(kv, stream.id);
  const item = { product, quantity: input.quantity, sale };
  const result = await setCartItem(kv, stream.id, actor.identity, item, clock.now());
  if (result.ok) return result.cart;
  if (result.reason === "cart_full") {
    throw conflict("cart_full", `A cart holds at most ${MAX_CART_PRODUCTS} different products`);
  }
  throw conflict(
    "other_currency",
    `Your cart holds prices in ${result.currency}; reserve it first, then add ${product.name} (priced in ${product.currency})`,
  );
}

export async function reserve(
  services: Services,
  actor: Actor,
  streamId: string,
): Promise<ReservationSummary> {
  const { kv, rooms, clock } = services;
  const stream = await openStream(kv, streamId);
  const result = await reserveCart(kv, stream.id, actor, clock.now());
  if (!result.ok) {
    if (result.reason === "cart_empty") throw conflict("cart_empty", "Your cart is empty");
    if (result.reason === "sale_ended") throw conflict("sale_ended", saleEnded(result.item));
    throw conflict(
      "sold_out",
      result.left === 0
        ? `${result.item.name} is sold out`
        : `Only ${result.left} of ${result.item.name} left; lower the quantity`,
    );
  }
  const { reservation, version } = result;
  for (const { productId, stock } of result.stock) {
    await announce(rooms, stream.id, message("stock", { productId, stock, version }));
  }
  await announce(rooms, stream.id, reservationMessage(reservation), [sellerIdentity(stream.sellerId)]);
  const { id, items, totalMinor, currency, at } = reservation;
  return { id, items, totalMinor, currency, at };
}

function saleEnded(item: CartItem): string {
  const time = new Date(item.saleEndsAt!).toISOString().slice(11, 19);
  return `The flash sale on ${item.name} ended at ${time} UTC; remove it from your cart and add it again at the current price`;
}

/** A viewer opened a product's sheet: counted for the seller's analytics, every open. */
export async function productOpened({ kv }: Services, streamId: string, productId: string): Promise<void> {
  const stream = await openStream(kv, streamId);
  await sellersProduct(kv, stream.sellerId, productId);
  await bump(kv, stream.id, "sheetOpens");
}

/** The owner's view of sales: reservations (newest first) and pinned products with stock left. */
export async function sales({ kv }: Services, actor: Actor, streamId: string): Promise<Sales> {
  return await salesOf(kv, (await ownStream(kv, actor, streamId)).id);
}
