// A viewer's cart and holds in a stream, and the seller's side of them. Reserving takes
// stock atomically (never oversold) and holds it for a while; in the same commit, everyone
// is told the new stock and the seller who holds what. Every hold ends paid or with its
// stock back.
import { bump, counterEntry } from "@/lib/analytics/store.ts";
import { MAX_CART_PRODUCTS } from "@/lib/contract/limits.ts";
import { message } from "@/lib/contract/messages.ts";
import type { Cart, ReservationSummary, Sales } from "@/lib/contract/views.ts";
import type { Actor } from "@/lib/core/actor.ts";
import { conflict, notFound } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { sellersProduct } from "@/lib/catalog/access.ts";
import { getProduct, getStock, type Product } from "@/lib/catalog/store.ts";
import { spend } from "@/lib/limits/limiter.ts";
import { refuseBanned } from "@/lib/moderation/admission.ts";
import { getSale } from "@/lib/showcase/store.ts";
import { findStream, openStream, ownStream } from "@/lib/streams/access.ts";
import type { Stream } from "@/lib/streams/store.ts";
import { getStoredCart, priceCart, priceOf, setCartLine, type StoredCart } from "./carts.ts";
import {
  dueHolds,
  getReservation,
  hold,
  listHolds,
  openHoldIds,
  type Reservation,
  settle,
  type Tell,
} from "./holds.ts";
import type { CartItemInput } from "./inputs.ts";
import { reservationMessage, salesOf, summaryOf } from "./sales.ts";

async function productsOf(kv: Deno.Kv, ids: string[]): Promise<Map<string, Product>> {
  const products = await Promise.all(ids.map((id) => getProduct(kv, id)));
  return new Map(products.filter((p) => p !== null).map((p) => [p.id, p]));
}

async function pricedCart(services: Services, streamId: string, stored: StoredCart | null): Promise<Cart> {
  const { kv, clock } = services;
  const ids = (stored?.lines ?? []).map((l) => l.productId);
  const [products, sale] = await Promise.all([productsOf(kv, ids), getSale(kv, streamId)]);
  return priceCart(stored, products, sale, clock.now());
}

/** The asker's cart in the stream, priced as the products cost now. */
export async function cart(services: Services, actor: Actor, streamId: string): Promise<Cart> {
  return await cartIn(services, actor, await findStream(services.kv, streamId));
}

/** cart, for a stream already read (the watch page has it). */
export async function cartIn(services: Services, actor: Actor, stream: Stream): Promise<Cart> {
  if (!actor.identity) return { items: [], totalMinor: 0 };
  return await pricedCart(
    services,
    stream.id,
    (await getStoredCart(services.kv, stream.id, actor.identity)).value,
  );
}

/** Units of each product the buyer holds in the stream now. */
async function heldUnits(kv: Deno.Kv, streamId: string, identity: string): Promise<Map<string, number>> {
  const held = new Map<string, number>();
  for (const r of await listHolds(kv, streamId, identity)) {
    for (const i of r.items) held.set(i.productId, (held.get(i.productId) ?? 0) + i.quantity);
  }
  return held;
}

/** Refuses more of `product` than one buyer may hold (fewer during its flash sale). */
function checkUnits(services: Services, product: Product, wanted: number, held: number, onSale: boolean) {
  const { maxUnits, maxSaleUnits } = services.config.holds;
  const max = onSale ? maxSaleUnits : maxUnits;
  if (wanted + held <= max) return;
  const already = held ? `; you already hold ${held}` : "";
  const why = onSale ? " while it is on flash sale" : "";
  throw conflict("too_many", `You can hold at most ${max} of ${product.name}${why}${already}.`);
}

/** Sets how many of a product the asker's cart holds (0 removes it). */
export async function setItem(
  services: Services,
  actor: Actor,
  streamId: string,
  input: CartItemInput,
): Promise<Cart> {
  const { kv, clock } = services;
  await spend(services, "cart", actor);
  const stream = await openStream(kv, streamId);
  await refuseBanned(services, actor, stream);
  // A line goes whatever became of its product (deleted since, say).
  if (input.quantity === 0) {
    return await pricedCart(services, stream.id, await setCartLine(kv, stream.id, actor.identity, input));
  }
  const product = await sellersProduct(kv, stream.sellerId, input.productId);
  const [sale, held, stock] = await Promise.all([
    getSale(kv, stream.id),
    heldUnits(kv, stream.id, actor.identity),
    getStock(kv, product.id),
  ]);
  const onSale = priceOf(product, sale, clock.now()).saleEndsAt !== null;
  const stored = await setCartLine(kv, stream.id, actor.identity, input, async (lines, had) => {
    // More than there is, refused now rather than at Reserve (fewer is fine: stock may have gone).
    if (input.quantity > stock && input.quantity > had) throw notEnough(product.name, stock);
    // Lines of products deleted since count for nothing, and go.
    const known = await productsOf(kv, lines.map((l) => l.productId));
    const others = lines.filter((l) => known.has(l.productId));
    if (others.length >= MAX_CART_PRODUCTS) {
      throw conflict("cart_full", `A cart holds at most ${MAX_CART_PRODUCTS} different products`);
    }
    const currency = [...known.values()][0]?.currency;
    if (currency && currency !== product.currency) {
      throw conflict(
        "other_currency",
        `Your cart holds prices in ${currency}; reserve it first, then add ${product.name} (priced in ${product.currency})`,
      );
    }
    checkUnits(services, product, input.quantity, held.get(product.id) ?? 0, onSale);
    return others;
  });
  return await pricedCart(services, stream.id, stored);
}

/**
 * Reserves the asker's cart at the prices of now. With `totalMinor` (what the buyer saw),
 * a total that changed meanwhile (a flash sale ended, the seller changed a price) is
 * refused, so nobody pays a price they did not see.
 */
export async function reserve(
  services: Services,
  actor: Actor,
  streamId: string,
  seen: { totalMinor?: number },
): Promise<ReservationSummary> {
  const { kv, clock, config } = services;
  await spend(services, "reserve", actor);
  const stream = await openStream(kv, streamId);
  await refuseBanned(services, actor, stream);
  const entry = await getStoredCart(kv, stream.id, actor.identity);
  const priced = await pricedCart(services, stream.id, entry.value);
  if (priced.items.length === 0) throw conflict("cart_empty", "Your cart is empty");
  // A product's currency changed since it went in: one total cannot say what is owed.
  if (new Set(priced.items.map((i) => i.currency)).size > 1) {
    throw conflict(
      "other_currency",
      "Your cart holds prices in more than one currency (a product's price changed): remove one and reserve again",
    );
  }
  if (seen.totalMinor !== undefined && seen.totalMinor !== priced.totalMinor) {
    throw conflict(
      "prices_changed",
      "Prices changed since you looked: your cart now shows today's. Check it and reserve again.",
    );
  }
  const held = await heldUnits(kv, stream.id, actor.identity);
  const products = await productsOf(kv, priced.items.map((i) => i.productId));
  for (const i of priced.items) {
    checkUnits(services, products.get(i.productId)!, i.quantity, held.get(i.productId) ?? 0, !!i.saleEndsAt);
  }
  const items = priced.items.map(({ productId, name, quantity, unitPriceMinor, currency }) => ({
    productId,
    name,
    quantity,
    unitPriceMinor,
    currency,
  }));
  const who = { identity: actor.identity, name: actor.name };
  const at = { now: clock.now(), ttlMs: config.holds.ttlMs };
  const result = await hold(kv, stream, who, { items, cart: entry }, at, tell);
  if (!result.ok && result.reason === "cart_changed") {
    throw conflict(
      "cart_changed",
      "Your cart changed while reserving (reserved already, or in another tab). Check it.",
    );
  }
  if (!result.ok) throw notEnough(result.item.name, result.left);
  return summaryOf(result.reservation);
}

const notEnough = (name: string, left: number) =>
  conflict(
    "sold_out",
    left === 0 ? `${name} is sold out` : `Only ${left} of ${name} left; lower the quantity`,
  );

/** Everyone hears the new stock, and the seller and the buyer (each of their tabs) what became of the reservation. */
const tell: Tell = (reservation, stock) => [
  ...stock.map(({ productId, stock }) => ({ message: message("stock", { productId, stock }) })),
  { message: reservationMessage(reservation), to: "hosts" as const },
  { message: reservationMessage(reservation), to: { person: reservation.identity } },
];

/** The asker's holds in the stream, oldest first: "held for you until 14:32". */
export async function holds(
  services: Services,
  actor: Actor,
  streamId: string,
): Promise<ReservationSummary[]> {
  return await holdsIn(services, actor, await findStream(services.kv, streamId));
}

/** holds, for a stream already read (the watch page has it). */
export async function holdsIn(
  services: Services,
  actor: Actor,
  stream: Stream,
): Promise<ReservationSummary[]> {
  if (!actor.identity) return [];
  const now = services.clock.now();
  const live = (await listHolds(services.kv, stream.id, actor.identity)).filter((r) =>
    Date.parse(r.expiresAt) > now
  );
  return live.map(summaryOf);
}

/** The buyer lets their own hold go: its stock goes back on sale. */
export async function cancel(
  services: Services,
  actor: Actor,
  streamId: string,
  id: string,
): Promise<ReservationSummary> {
  await spend(services, "cart", actor);
  const reservation = await getReservation(services.kv, streamId, id);
  if (!reservation || reservation.identity !== actor.identity) {
    throw notFound("reservation_not_found", "No reservation of yours with this id");
  }
  return await settleAndTell(services, reservation, "cancelled");
}

/** The seller marks a hold paid (the stock stays sold) or releases it (the stock goes back). */
export async function resolve(
  services: Services,
  actor: Actor,
  streamId: string,
  id: string,
  status: "paid" | "released",
): Promise<ReservationSummary> {
  const stream = await ownStream(services.kv, actor, streamId);
  await spend(services, "seller", actor);
  const reservation = await getReservation(services.kv, stream.id, id);
  if (!reservation) throw notFound("reservation_not_found", "No reservation with this id in this stream");
  return await settleAndTell(services, reservation, status);
}

async function settleAndTell(
  services: Services,
  reservation: Reservation,
  status: "paid" | "released" | "cancelled" | "expired",
): Promise<ReservationSummary> {
  const { kv, clock } = services;
  const settled = await settle(kv, reservation.streamId, reservation.id, status, tell, clock.now());
  // Run out, whether the sweep came by first or not: one answer for one state.
  const ranOut = () => conflict("expired", "This hold had already run out: its stock is back on sale");
  if (!settled) {
    if (reservation.status === "expired") throw ranOut();
    throw conflict(
      "not_held",
      `This reservation is ${reservation.status === "held" ? "settled" : reservation.status} already`,
    );
  }
  if (settled.reservation.status !== status) throw ranOut();
  return summaryOf(settled.reservation);
}

/** Returns the stock of every hold whose time is up; how many it settled. Run every few seconds. */
export async function expireDue(services: Services): Promise<number> {
  let settled = 0;
  const now = services.clock.now();
  for (const { streamId, id, key } of await dueHolds(services.kv, now)) {
    if (await settle(services.kv, streamId, id, "expired", tell, now)) settled++;
    // Settled holds leave the index as they settle; an entry whose hold is gone (its
    // stream deleted) leaves it here, so it never stands before holds still due.
    else await services.kv.delete(key);
  }
  return settled;
}

/**
 * Refuses to delete a stream whose buyers still hold stock: the seller settles their holds
 * (or waits for them to run out) first, so no buyer about to pay loses theirs unseen.
 * Answers the count of reservations made, read first: the delete's commit checks it, so a
 * hold taken meanwhile stops the delete.
 */
export async function refuseOpenHolds(
  { kv }: Services,
  stream: Pick<Stream, "id" | "title">,
): Promise<Deno.KvEntryMaybe<unknown>> {
  const made = await counterEntry(kv, stream.id, "reservations");
  const open = (await openHoldIds(kv, stream.id, 100)).length;
  if (open === 0) return made;
  throw conflict(
    "holds_open",
    open === 1
      ? `1 hold is still open in “${stream.title}”: mark it paid or release it first (it runs out by itself within minutes)`
      : `${open} holds are still open in “${stream.title}”: mark them paid or release them first (they run out by themselves within minutes)`,
  );
}

/** Returns the stock of every hold still open in a stream being deleted (one made as it was). */
export async function cancelHolds({ kv, clock }: Services, streamId: string): Promise<void> {
  for (const id of await openHoldIds(kv, streamId)) {
    await settle(kv, streamId, id, "cancelled", tell, clock.now());
  }
}

/** A viewer opened a product's sheet: counted for the seller's analytics, every open (not a banned one's). */
export async function productOpened(
  services: Services,
  actor: Actor,
  streamId: string,
  productId: string,
): Promise<void> {
  await spend(services, "sheet", actor);
  const { kv } = services;
  const stream = await openStream(kv, streamId);
  await refuseBanned(services, actor, stream);
  await sellersProduct(kv, stream.sellerId, productId);
  await bump(kv, stream.id, "sheetOpens");
}

/** The owner's view of sales: reservations (newest first) and pinned products with stock left. */
export async function sales({ kv }: Services, actor: Actor, streamId: string): Promise<Sales> {
  return await salesOf(kv, (await ownStream(kv, actor, streamId)).id);
}
