// Who may do what: each check throws the HttpError a route would otherwise spell out.
import { HttpError } from "./fresh/mod.ts";
import type { State } from "./state.ts";
import type { Seller } from "./store/sellers.ts";
import { getStream, type Stream } from "./store/streams.ts";

export function requireSeller(state: State): Seller {
  if (!state.seller) throw new HttpError(401, "sign_in_required", "Sign in as a seller first");
  return state.seller;
}

export async function findStream(state: State, id: string): Promise<Stream> {
  const stream = await getStream(state.services.kv, id);
  if (!stream) throw new HttpError(404, "stream_not_found", "No stream with this id");
  return stream;
}

/** The stream, when the signed-in seller owns it; a seller controls only their own. */
export async function findOwnStream(state: State, id: string): Promise<Stream> {
  const seller = requireSeller(state);
  const stream = await findStream(state, id);
  if (stream.sellerId !== seller.id) {
    throw new HttpError(403, "not_stream_owner", "Only the seller who created this stream can do that");
  }
  return stream;
}
