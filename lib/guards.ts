// Who may do what: each check throws the HttpError a route would otherwise spell out.
import { HttpError } from "./fresh/mod.ts";
import type { State } from "./state.ts";
import type { Seller } from "./store/sellers.ts";
import { getProduct, type Product } from "./store/products.ts";
import { getStream, type Stream } from "./store/streams.ts";

export function requireSeller(state: State): Seller {
  if (!state.seller) throw new HttpError(401, "sign_in_required", "Sign in as a seller first");
  return state.seller;
}

/** How to find one kind of thing a seller owns, and what to say when it is missing or not theirs. */
interface Owned<T> {
  get(kv: Deno.Kv, id: string): Promise<T | null>;
  missing: [code: string, message: string];
  notOwner: [code: string, message: string];
}

const streams: Owned<Stream> = {
  get: getStream,
  missing: ["stream_not_found", "No stream with this id"],
  notOwner: ["not_stream_owner", "Only the seller who created this stream can do that"],
};

const products: Owned<Product> = {
  get: getProduct,
  missing: ["product_not_found", "No product with this id"],
  notOwner: ["not_product_owner", "Only the seller who created this product can change it"],
};

async function find<T>(state: State, kind: Owned<T>, id: string): Promise<T> {
  const thing = await kind.get(state.services.kv, id);
  if (!thing) throw new HttpError(404, ...kind.missing);
  return thing;
}

/** The thing, when the signed-in seller owns it: a seller controls only their own. */
async function findOwn<T extends { sellerId: string }>(state: State, kind: Owned<T>, id: string): Promise<T> {
  const seller = requireSeller(state);
  const thing = await find(state, kind, id);
  if (thing.sellerId !== seller.id) throw new HttpError(403, ...kind.notOwner);
  return thing;
}

export const findStream = (state: State, id: string) => find(state, streams, id);
export const findOwnStream = (state: State, id: string) => findOwn(state, streams, id);
export const findProduct = (state: State, id: string) => find(state, products, id);

/** The stream, when it has not ended: what viewers do (buy, open products) stops with it. */
export async function findOpenStream(state: State, id: string): Promise<Stream> {
  const stream = await findStream(state, id);
  if (stream.status === "ended") throw new HttpError(409, "stream_ended", "This stream has ended");
  return stream;
}

/** A product of the stream's seller: only what they sell can be bought or looked at in their stream. */
export async function findStreamProduct(state: State, stream: Stream, productId: string): Promise<Product> {
  const product = await findProduct(state, productId);
  if (product.sellerId !== stream.sellerId) {
    throw new HttpError(404, "product_not_found", "No product with this id in this stream");
  }
  return product;
}
export const findOwnProduct = (state: State, id: string) => findOwn(state, products, id);
