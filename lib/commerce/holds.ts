// Reservations are holds: reserving takes stock for every line of the cart in one atomic
// commit, checked against each stock entry's version and the cart's, so concurrent buyers
// never take more than there is and a failed reservation changes nothing. A hold ends
// paid (the seller settled it) or with its stock returned, atomically: released by the
// seller, cancelled by the buyer, or expired after its time.
import type { ReservationStatus, ReservationSummary, ReservedItem } from "@/lib/contract/views.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { bumpIn } from "@/lib/analytics/store.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { newId } from "@/lib/kv/ids.ts";
import { getAll } from "@/lib/kv/get_all.ts";
import { unlessGone } from "@/lib/kv/gone.ts";
import { keys } from "@/lib/kv/keys.ts";
import { notFound } from "@/lib/core/errors.ts";
import { type News, queue } from "@/lib/outbox/queue.ts";
import { STREAM_MISSING } from "@/lib/streams/store.ts";

/** A reservation as stored: the summary and who made it. */
export interface Reservation extends ReservationSummary {
  streamId: string;
  identity: string;
  name: string;
}

/** A settled reservation (not paid) is kept a month for the seller's records, then goes. */
const SETTLED_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export type HoldResult =
  | { ok: true; reservation: Reservation; stock: StockLeft[]; version: string }
  | { ok: false; reason: "sold_out"; item: ReservedItem; left: number }
  /** The cart is not what was priced: reserved already (a double tap), or changed in another tab. */
  | { ok: false; reason: "cart_changed" };

export interface StockLeft {
  productId: string;
  stock: number;
}

/** Takes the stock for `items` and records the hold; `cart` is the cart entry read, deleted with it. */
export async function hold(
  kv: Deno.Kv,
  { id: streamId, sellerId }: { id: string; sellerId: string },
  who: { identity: string; name: string },
  order: { items: ReservedItem[]; cart: Deno.KvEntryMaybe<unknown> },
  at: { now: number; ttlMs: number },
  news: Tell,
): Promise<HoldResult> {
  const { items } = order;
  return await atomically<HoldResult>("reserving", async () => {
    // A stream (or its seller's account) deleted meanwhile takes no hold: its removal could
    // not return the stock.
    const gone = () => notFound(...STREAM_MISSING);
    const [cart, stocks, stream, seller] = await Promise.all([
      kv.get(order.cart.key),
      getAll<number>(kv, items.map((i) => keys.stock(i.productId))),
      unlessGone(kv, keys.goneStream(streamId), gone),
      unlessGone(kv, keys.goneSeller(sellerId), gone),
    ]);
    // Retrying cannot help once the cart has changed: what was priced is gone.
    if (cart.versionstamp !== order.cart.versionstamp) return { ok: false, reason: "cart_changed" };
    const short = items.findIndex((i, k) => (stocks[k]!.value ?? 0) < i.quantity);
    if (short >= 0) {
      return { ok: false, reason: "sold_out", item: items[short]!, left: stocks[short]!.value ?? 0 };
    }
    const left = items.map((i, k) => ({ productId: i.productId, stock: stocks[k]!.value! - i.quantity }));
    const reservation: Reservation = {
      id: newId(),
      streamId,
      ...who,
      items,
      totalMinor: items.reduce((sum, i) => sum + i.unitPriceMinor * i.quantity, 0),
      currency: items[0]!.currency,
      at: isoAt(at.now),
      expiresAt: isoAt(at.now + at.ttlMs),
      status: "held",
    };
    const op = kv.atomic().check(order.cart, ...stocks, stream, seller)
      .sum(keys.holdsMadeOf(sellerId), 1n)
      .delete(keys.cart(streamId, who.identity))
      .set(keys.reservation(streamId, reservation.id), reservation)
      .set(keys.heldBy(streamId, who.identity, reservation.id), reservation.expiresAt)
      .set(keys.holdExpiry(reservation.expiresAt, streamId, reservation.id), true);
    for (const { productId, stock } of left) op.set(keys.stock(productId), stock);
    const units = items.reduce((sum, i) => sum + i.quantity, 0);
    bumpIn(op, streamId, { reservations: 1, unitsReserved: units });
    const result = await queue(op, streamId, news(reservation, left)).commit();
    return result.ok ? { ok: true, reservation, stock: left, version: result.versionstamp } : RETRY;
  });
}

/** What the room hears of a hold taken or settled, given the reservation and the stock it leaves. */
export type Tell = (reservation: Reservation, stock: StockLeft[]) => News[];

export type SettleResult = { reservation: Reservation; stock: StockLeft[]; version: string } | null;

/**
 * Ends a hold: paid keeps the stock sold; any other end returns it. Null when the
 * reservation is unknown or no longer held (settled already), so a repeat changes nothing.
 */
export async function settle(
  kv: Deno.Kv,
  streamId: string,
  id: string,
  asked: Exclude<ReservationStatus, "held">,
  news: Tell,
  now: number,
): Promise<SettleResult> {
  return await atomically<SettleResult>("settling the reservation", async () => {
    const entry = await kv.get<Reservation>(keys.reservation(streamId, id));
    const held = entry.value;
    if (held?.status !== "held") return null;
    // Past its time it has run out, whatever was asked: the buyer's page stopped showing it
    // then, and the sweep (every few seconds) may not have come by yet.
    const status = Date.parse(held.expiresAt) <= now ? "expired" : asked;
    const back = status !== "paid";
    const stocks = back ? await getAll<number>(kv, held.items.map((i) => keys.stock(i.productId))) : [];
    const settled: Reservation = { ...held, status };
    const op = kv.atomic().check(entry, ...stocks)
      .set(keys.reservation(streamId, id), settled, back ? { expireIn: SETTLED_TTL_MS } : undefined)
      .delete(keys.heldBy(streamId, held.identity, id))
      .delete(keys.holdExpiry(held.expiresAt, streamId, id));
    // A product deleted since has no stock entry: nothing to return to.
    const stock = held.items.flatMap((i, k) =>
      back && stocks[k]!.versionstamp
        ? [{ productId: i.productId, stock: stocks[k]!.value! + i.quantity }]
        : []
    );
    for (const s of stock) op.set(keys.stock(s.productId), s.stock);
    const result = await queue(op, streamId, news(settled, stock)).commit();
    return result.ok ? { reservation: settled, stock, version: result.versionstamp } : RETRY;
  });
}

export async function getReservation(kv: Deno.Kv, streamId: string, id: string): Promise<Reservation | null> {
  return (await kv.get<Reservation>(keys.reservation(streamId, id))).value;
}

/** The stream's latest reservations, newest first. */
export async function listReservations(
  kv: Deno.Kv,
  streamId: string,
  opts: { limit: number },
): Promise<Reservation[]> {
  const list = kv.list<Reservation>({ prefix: keys.reservationsOf(streamId) }, {
    reverse: true,
    limit: opts.limit,
  });
  return (await Array.fromAsync(list)).map((e) => e.value);
}

/** The buyer's holds in a stream, oldest first. */
export async function listHolds(kv: Deno.Kv, streamId: string, identity: string): Promise<Reservation[]> {
  const ids = await Array.fromAsync(kv.list({ prefix: keys.heldByOf(streamId, identity) }));
  const entries = await Promise.all(ids.map((e) => getReservation(kv, streamId, String(e.key.at(-1)))));
  return entries.filter((r) => r?.status === "held") as Reservation[];
}

/** The ids of the stream's open holds (every buyer's), at most `limit`. */
export async function openHoldIds(kv: Deno.Kv, streamId: string, limit?: number): Promise<string[]> {
  const held = kv.list({ prefix: keys.holdersOf(streamId) }, { limit });
  return (await Array.fromAsync(held)).map((e) => String(e.key.at(-1)));
}

/** How many buyers hold the product in these streams now. */
export async function holdersOf(kv: Deno.Kv, streamIds: string[], productId: string): Promise<number> {
  // Each stream's holds read at once, all streams together.
  const held = await Promise.all(streamIds.map(async (streamId) => {
    const ids = await openHoldIds(kv, streamId);
    return await getAll<Reservation>(kv, ids.map((id) => keys.reservation(streamId, id)));
  }));
  const buyers = held.flat().map((e) => e.value)
    .filter((r) => r?.status === "held" && r.items.some((i) => i.productId === productId));
  return new Set(buyers.map((r) => r!.identity)).size;
}

/** Holds whose time is up at `now`, with their entry in the index: the sweeper settles them as expired. */
export async function dueHolds(
  kv: Deno.Kv,
  now: number,
  limit = 100,
): Promise<{ streamId: string; id: string; key: Deno.KvKey }[]> {
  const due = kv.list({ prefix: keys.holdExpiries(), end: keys.holdExpiry(isoAt(now), "", "") }, { limit });
  return (await Array.fromAsync(due)).map((e) => ({
    streamId: String(e.key.at(-2)),
    id: String(e.key.at(-1)),
    key: e.key,
  }));
}
