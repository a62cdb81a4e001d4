// The seller's showcase: pins, the highlight and a flash sale on it. Each action checks
// that the asker owns the stream and the products, and stores the change with what the
// room hears of it in one commit (viewers who miss it fetch it).
import { saleSoldOutWords } from "@/lib/contract/limits.ts";
import { message } from "@/lib/contract/messages.ts";
import type { Showcase } from "@/lib/contract/views.ts";
import type { Actor } from "@/lib/core/actor.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { conflict, forbidden, invalid, notFound } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { ownProduct } from "@/lib/catalog/access.ts";
import {
  type Product,
  PRODUCT_MISSING,
  productEntry,
  stockEntry,
  type StreamNews,
} from "@/lib/catalog/store.ts";
import { spend } from "@/lib/limits/limiter.ts";
import { findStream, ownStream } from "@/lib/streams/access.ts";
import { listSellerStreams, type Stream } from "@/lib/streams/store.ts";
import type { SaleInput } from "./inputs.ts";
import {
  changeShowcase,
  getHighlight,
  getStoredShowcase,
  type ReadShowcase,
  saleOn,
  type StoredShowcase,
} from "./store.ts";
import { cardsOf, highlightMessage, showcaseOf, viewOf } from "./view.ts";

/** What the stream shows now: what a viewer asks for after a drop. */
export async function current({ kv, clock }: Services, streamId: string): Promise<Showcase> {
  const stream = await findStream(kv, streamId);
  return await showcaseOf(kv, stream, clock.now());
}

async function editable(services: Services, actor: Actor, streamId: string): Promise<Stream> {
  await spend(services, "seller", actor);
  // Only the stream's seller runs its showcase: to a viewer, signed in or not, that is a 403.
  if (!actor.sellerId) throw forbidden("not_stream_owner", "Only the stream's seller can do that");
  const stream = await ownStream(services.kv, actor, streamId);
  if (stream.status === "ended") throw conflict("stream_ended", "This stream has ended");
  return stream;
}

/** Sets the pinned products, in order; answers them as the room hears them. */
export async function pin(services: Services, actor: Actor, streamId: string, productIds: string[]) {
  const { kv } = services;
  const stream = await editable(services, actor, streamId);
  for (const id of productIds) await ownProduct(kv, actor, id);
  const pins = message("pins", { products: await cardsOf(kv, productIds) });
  // Unchecked: its message is the pins it sets, whatever else changes meanwhile.
  return {
    ...pins,
    version: (await changeShowcase(kv, stream.id, { pins: productIds }, [{ message: pins }]))!,
  };
}

export async function highlight(
  services: Services,
  actor: Actor,
  streamId: string,
  productId: string | null,
): Promise<Showcase> {
  const stream = await editable(services, actor, streamId);
  if (productId) await ownProduct(services.kv, actor, productId);
  // A sale runs on the highlight and ends with it: kept, it would come back with the product,
  // at a price set against one that may have changed since.
  return await change(services, stream.id, { highlight: productId, sale: null });
}

export async function sale(
  services: Services,
  actor: Actor,
  streamId: string,
  input: SaleInput,
): Promise<Showcase> {
  const { kv, clock } = services;
  const stream = await editable(services, actor, streamId);
  const highlighted = await getHighlight(kv, stream.id);
  if (!highlighted) throw conflict("nothing_highlighted", "Highlight a product before starting a sale");
  await ownProduct(kv, actor, highlighted);
  const endsAt = isoAt(clock.now() + input.durationSeconds * 1000);
  const sale = { productId: highlighted, salePriceMinor: input.salePriceMinor, endsAt };
  return await change(services, stream.id, { sale }, async (stored) => {
    if (stored.highlight !== highlighted) {
      throw conflict("highlight_changed", "The highlighted product changed meanwhile: start the sale again");
    }
    // Priced against the product as the commit finds it: a price change racing this sale
    // makes one of the two read again, and then refuse (see catalog's edit).
    const product = await productEntry(kv, highlighted);
    if (!product.value) throw notFound(...PRODUCT_MISSING);
    if (input.salePriceMinor >= product.value.priceMinor) {
      throw invalid("invalid_input", "salePriceMinor: The sale price must be below the list price");
    }
    // Viewers would see a countdown on what none can buy. Pinning or highlighting it stays
    // allowed (shown while restocking); a restock racing this start makes it read again.
    const stock = await stockEntry(kv, highlighted);
    if (!stock.value) throw conflict("sold_out", saleSoldOutWords(product.value.name));
    return [product, stock];
  });
}

/** The stream's owner ends its running flash sale early: viewers see the list price again. */
export async function endSale(services: Services, actor: Actor, streamId: string): Promise<Showcase> {
  const stream = await editable(services, actor, streamId);
  return await change(services, stream.id, { sale: null }, async (stored) => {
    const sale = saleOn(stored);
    // A sale on a product deleted since ended with it.
    const product = sale && await productEntry(services.kv, sale.productId);
    if (!product?.value || Date.parse(sale!.endsAt) <= services.clock.now()) {
      throw conflict("no_sale", "No flash sale is running");
    }
    return [product];
  });
}

/**
 * Stores a highlight or sale change with the highlight message it makes, and answers the
 * new showcase. The message is made from a read the commit checks (read again when a
 * racing change got there first), so the room never hears of a showcase never stored.
 * `holds` refuses the change, as read, when it no longer applies, and may name more
 * entries it read that the commit must find unchanged.
 */
async function change(
  { kv, clock }: Services,
  streamId: string,
  next: Partial<StoredShowcase>,
  holds: (stored: ReadShowcase) => void | Promise<Deno.KvEntryMaybe<unknown>[]> = () => {},
): Promise<Showcase> {
  return await atomically("changing the showcase", async () => {
    const stored = await getStoredShowcase(kv, streamId);
    const alsoRead = await holds(stored) ?? [];
    const showcase = await viewOf(kv, { ...stored, ...next }, clock.now());
    const version = await changeShowcase(
      kv,
      streamId,
      next,
      [{ message: highlightMessage(showcase) }],
      [...stored.read, ...alsoRead],
    );
    return version ? { ...showcase, version } : RETRY;
  });
}

/**
 * The news a product's change or removal makes, queued with the product's own commit:
 * every open stream of its seller that shows it (pinned or highlighted) tells its viewers
 * to fetch the showcase again; the others tell only the seller's studios, whose catalog
 * lists it.
 */
export async function productNews(kv: Deno.Kv, product: Product): Promise<StreamNews[]> {
  return newsOf(await openShowcases(kv, product.sellerId), product.id);
}

/** The news a new product makes: the seller's open studios list it in their catalog. */
export async function catalogNews(kv: Deno.Kv, sellerId: string): Promise<StreamNews[]> {
  return newsOf(await openShowcases(kv, sellerId));
}

/**
 * What a change of the product must commit with: its news, and each open stream's highlight
 * and sale as read, so that a sale started meanwhile makes it read again. `onSale`: a flash
 * sale runs on the product now.
 */
export async function productShown(kv: Deno.Kv, product: Product, now: number) {
  const shows = await openShowcases(kv, product.sellerId);
  const onSale = shows.some(({ stored }) => {
    const sale = saleOn(stored);
    return sale?.productId === product.id && Date.parse(sale.endsAt) > now;
  });
  return { news: newsOf(shows, product.id), read: shows.flatMap(({ stored }) => stored.read), onSale };
}

/** Where, among the seller's streams, the product is shown (pinned or highlighted): live, not live yet, or nowhere. */
export async function showing(kv: Deno.Kv, streams: Stream[], productId: string) {
  const shows = (await showcasesOf(kv, streams)).filter(({ stored }) => isShown(stored, productId));
  return shows.some((s) => s.status === "live") ? "live" : shows.length ? "upcoming" : null;
}

/** The seller's open streams, with their showcase. */
async function openShowcases(kv: Deno.Kv, sellerId: string) {
  return await showcasesOf(kv, await listSellerStreams(kv, sellerId));
}

/** Those of the streams still open, with their showcase. */
async function showcasesOf(kv: Deno.Kv, streams: Stream[]) {
  const open = streams.filter((s) => s.status !== "ended");
  return await Promise.all(
    open.map(async ({ id, status }) => ({ id, status, stored: await getStoredShowcase(kv, id) })),
  );
}

const isShown = (stored: StoredShowcase, productId: string) =>
  stored.pins.includes(productId) || stored.highlight === productId;

// A catalog change is told in the showcase's word: one of its own would weigh on every
// viewer's page, and the studio fetches its catalog again on either.
const newsOf = (shows: { id: string; stored: StoredShowcase }[], productId?: string): StreamNews[] =>
  shows.map(({ id, stored }) => {
    const shown = productId && isShown(stored, productId);
    const refetch = message("changed", { what: "showcase" });
    return { streamId: id, news: [shown ? { message: refetch } : { message: refetch, to: "hosts" }] };
  });
