// The seller's showcase: pins, the highlight and a flash sale on it. Each action checks
// that the asker owns the stream and the products, and stores the change with what the
// room hears of it in one commit (viewers who miss it fetch it).
import { message } from "@/lib/contract/messages.ts";
import type { Showcase } from "@/lib/contract/views.ts";
import type { Actor } from "@/lib/core/actor.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { conflict, forbidden, invalid } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { ownProduct } from "@/lib/catalog/access.ts";
import type { Product } from "@/lib/catalog/store.ts";
import { spend } from "@/lib/limits/limiter.ts";
import type { News } from "@/lib/outbox/queue.ts";
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
  const product = await ownProduct(kv, actor, highlighted);
  if (input.salePriceMinor >= product.priceMinor) {
    throw invalid("invalid_input", "salePriceMinor: The sale price must be below the list price");
  }
  const endsAt = isoAt(clock.now() + input.durationSeconds * 1000);
  const sale = { productId: product.id, salePriceMinor: input.salePriceMinor, endsAt };
  return await change(services, stream.id, { sale }, (stored) => {
    // Priced against the product read above: not one highlighted since.
    if (stored.highlight !== product.id) {
      throw conflict("highlight_changed", "The highlighted product changed meanwhile: start the sale again");
    }
  });
}

/** The stream's owner ends its running flash sale early: viewers see the list price again. */
export async function endSale(services: Services, actor: Actor, streamId: string): Promise<Showcase> {
  const stream = await editable(services, actor, streamId);
  return await change(services, stream.id, { sale: null }, (stored) => {
    const sale = saleOn(stored);
    if (!sale || Date.parse(sale.endsAt) <= services.clock.now()) {
      throw conflict("no_sale", "No flash sale is running");
    }
  });
}

/**
 * Stores a highlight or sale change with the highlight message it makes, and answers the
 * new showcase. The message is made from a read the commit checks (read again when a
 * racing change got there first), so the room never hears of a showcase never stored.
 * `holds` refuses the change, as read, when it no longer applies.
 */
async function change(
  { kv, clock }: Services,
  streamId: string,
  next: Partial<StoredShowcase>,
  holds: (stored: ReadShowcase) => void = () => {},
): Promise<Showcase> {
  return await atomically("changing the showcase", async () => {
    const stored = await getStoredShowcase(kv, streamId);
    holds(stored);
    const showcase = await viewOf(kv, { ...stored, ...next }, clock.now());
    const version = await changeShowcase(
      kv,
      streamId,
      next,
      [{ message: highlightMessage(showcase) }],
      stored.read,
    );
    return version ? { ...showcase, version } : RETRY;
  });
}

/**
 * The news a product's change or removal makes: every open stream of its seller that shows
 * it (pinned or highlighted) tells its viewers to fetch the showcase again. Queued with the
 * product's own commit.
 */
export async function productNews(
  kv: Deno.Kv,
  product: Product,
): Promise<{ streamId: string; news: News[] }[]> {
  return (await showing(kv, product))
    .map(({ id }) => ({ streamId: id, news: [{ message: message("changed", { what: "showcase" }) }] }));
}

/** Whether a flash sale runs on the product now, in one of its seller's open streams. */
export async function onSale(kv: Deno.Kv, product: Product, now: number): Promise<boolean> {
  return (await showing(kv, product)).some(({ stored }) => {
    const sale = saleOn(stored);
    return sale?.productId === product.id && Date.parse(sale.endsAt) > now;
  });
}

/** The seller's open streams that show the product (pinned or highlighted), with their showcase. */
async function showing(kv: Deno.Kv, product: Product) {
  const open = (await listSellerStreams(kv, product.sellerId)).filter((s) => s.status !== "ended");
  const shows = await Promise.all(
    open.map(async ({ id }) => ({ id, stored: await getStoredShowcase(kv, id) })),
  );
  return shows.filter(({ stored }) => stored.pins.includes(product.id) || stored.highlight === product.id);
}
