// The seller's showcase: pins, the highlight and a flash sale on it. Each action checks
// that the asker owns the stream and the products, stores the change in KV first, then
// tells the room (viewers who miss it fetch it).
import { message } from "@/lib/contract/messages.ts";
import type { Showcase } from "@/lib/contract/views.ts";
import type { Actor } from "@/lib/core/actor.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { conflict, forbidden, invalid } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { ownProduct } from "@/lib/catalog/access.ts";
import type { Product } from "@/lib/catalog/store.ts";
import { spend } from "@/lib/limits/limiter.ts";
import { announce } from "@/lib/livekit/room_service.ts";
import { findStream, ownStream } from "@/lib/streams/access.ts";
import { listSellerStreams, type Stream } from "@/lib/streams/store.ts";
import type { SaleInput } from "./inputs.ts";
import { getHighlight, getPins, setHighlight, setPins, startSale } from "./store.ts";
import { cardsOf, highlightMessage, showcaseOf } from "./view.ts";

/** What the stream shows now: what a viewer asks for after a drop. */
export async function current({ kv, clock }: Services, streamId: string): Promise<Showcase> {
  const stream = await findStream(kv, streamId);
  return await showcaseOf(kv, stream.id, clock.now());
}

async function editable(services: Services, actor: Actor, streamId: string): Promise<Stream> {
  await spend(services, "seller", actor);
  // Only the stream's seller runs its showcase: to a viewer, signed in or not, that is a 403.
  if (!actor.sellerId) throw forbidden("not_stream_owner", "Only the stream's seller can do that");
  const stream = await ownStream(services.kv, actor, streamId);
  if (stream.status === "ended") throw conflict("stream_ended", "This stream has ended");
  return stream;
}

export async function pin(services: Services, actor: Actor, streamId: string, productIds: string[]) {
  const { kv, rooms } = services;
  const stream = await editable(services, actor, streamId);
  for (const id of productIds) await ownProduct(kv, actor, id);
  await setPins(kv, stream.id, productIds);
  const products = await cardsOf(kv, productIds);
  await announce(rooms, stream.id, message("pins", { products }));
  return { products };
}

export async function highlight(
  services: Services,
  actor: Actor,
  streamId: string,
  productId: string | null,
): Promise<Showcase> {
  const stream = await editable(services, actor, streamId);
  if (productId) await ownProduct(services.kv, actor, productId);
  await setHighlight(services.kv, stream.id, productId);
  return await tellHighlight(services, stream.id);
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
  await startSale(kv, stream.id, { productId: product.id, salePriceMinor: input.salePriceMinor, endsAt });
  return await tellHighlight(services, stream.id);
}

async function tellHighlight({ kv, rooms, clock }: Services, streamId: string): Promise<Showcase> {
  const showcase = await showcaseOf(kv, streamId, clock.now());
  await announce(rooms, streamId, highlightMessage(showcase));
  return showcase;
}

/**
 * After a product changed or was deleted: every open stream of its seller that shows it
 * sends viewers the pins and the highlight again, with its new name, price, stock or image.
 */
export async function productChanged(services: Services, product: Product): Promise<void> {
  const { kv, rooms } = services;
  const open = (await listSellerStreams(kv, product.sellerId)).filter((s) => s.status !== "ended");
  for (const { id: streamId } of open) {
    const [pins, highlighted] = await Promise.all([getPins(kv, streamId), getHighlight(kv, streamId)]);
    if (pins.includes(product.id)) {
      await announce(rooms, streamId, message("pins", { products: await cardsOf(kv, pins) }));
    }
    if (highlighted === product.id) await tellHighlight(services, streamId);
  }
}
