// The seller's showcase actions: each checks ownership of the stream and the products,
// stores the change in KV first, then tells the room (viewers who miss it fetch it).
import { HttpError } from "./fresh/mod.ts";
import { announce } from "./livekit/room_service.ts";
import { findOwnProduct, findOwnStream } from "./guards.ts";
import { cardsOf, highlightMessage, type Showcase, showcaseOf } from "./showcase.ts";
import type { State } from "./state.ts";
import type { Product } from "./store/products.ts";
import { getHighlight, getPins, setHighlight, setPins, startSale } from "./store/showcase.ts";
import { listSellerStreams, type Stream } from "./store/streams.ts";

async function liveOrCreated(state: State, streamId: string): Promise<Stream> {
  // Only the stream's seller runs its showcase: to a viewer, signed in or not, that is a 403.
  if (!state.seller) throw new HttpError(403, "not_stream_owner", "Only the stream's seller can do that");
  const stream = await findOwnStream(state, streamId);
  if (stream.status === "ended") throw new HttpError(409, "stream_ended", "This stream has ended");
  return stream;
}

export async function pin(state: State, streamId: string, productIds: string[]) {
  const stream = await liveOrCreated(state, streamId);
  for (const id of productIds) await findOwnProduct(state, id);
  const { kv, rooms } = state.services;
  await setPins(kv, stream.id, productIds);
  const products = await cardsOf(kv, productIds);
  await announce(rooms, stream.id, "pins", { v: 1, type: "pins", products });
  return { products };
}

export async function highlight(state: State, streamId: string, productId: string | null): Promise<Showcase> {
  const stream = await liveOrCreated(state, streamId);
  if (productId) await findOwnProduct(state, productId);
  return await changeAndTell(state, stream, () => setHighlight(state.services.kv, stream.id, productId));
}

export async function sale(
  state: State,
  streamId: string,
  input: { salePriceMinor: number; durationSeconds: number },
): Promise<Showcase> {
  const stream = await liveOrCreated(state, streamId);
  const highlighted = await getHighlight(state.services.kv, stream.id);
  if (!highlighted) {
    throw new HttpError(409, "nothing_highlighted", "Highlight a product before starting a sale");
  }
  const product = await findOwnProduct(state, highlighted);
  if (input.salePriceMinor >= product.priceMinor) {
    throw new HttpError(400, "invalid_input", "salePriceMinor: The sale price must be below the list price");
  }
  const endsAt = new Date(Date.now() + input.durationSeconds * 1000).toISOString();
  return await changeAndTell(
    state,
    stream,
    () =>
      startSale(state.services.kv, stream.id, {
        productId: product.id,
        salePriceMinor: input.salePriceMinor,
        endsAt,
      }),
  );
}

async function changeAndTell(state: State, stream: Stream, change: () => Promise<void>): Promise<Showcase> {
  await change();
  const showcase = await showcaseOf(state.services.kv, stream.id);
  await announce(state.services.rooms, stream.id, "highlight", highlightMessage(showcase));
  return showcase;
}

/**
 * After a product changed or was deleted: every open stream of its seller that shows it
 * sends viewers the pins and the highlight again, with its new name, price, stock or image.
 */
export async function productChanged(state: State, product: Product): Promise<void> {
  const { kv, rooms } = state.services;
  const open = (await listSellerStreams(kv, product.sellerId)).filter((s) => s.status !== "ended");
  for (const { id: streamId } of open) {
    const [pins, highlighted] = await Promise.all([getPins(kv, streamId), getHighlight(kv, streamId)]);
    if (pins.includes(product.id)) {
      await announce(rooms, streamId, "pins", { v: 1, type: "pins", products: await cardsOf(kv, pins) });
    }
    if (highlighted === product.id) {
      await announce(rooms, streamId, "highlight", highlightMessage(await showcaseOf(kv, streamId)));
    }
  }
}
