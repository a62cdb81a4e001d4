import { type Handlers, HttpError, readJson } from "../../../../../lib/fresh/mod.ts";
import { findProduct, findStream } from "../../../../../lib/guards.ts";
import { CartItemInput } from "../../../../../lib/inputs.ts";
import { participantFor } from "../../../../../lib/livekit/participant.ts";
import type { State } from "../../../../../lib/state.ts";
import { MAX_CART_PRODUCTS, setCartItem } from "../../../../../lib/store/carts.ts";
import { getSale } from "../../../../../lib/store/showcase.ts";

/** Sets how many of a product the asker's cart holds (0 removes it); the price is fixed now. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    const stream = await findStream(ctx.state, ctx.params.id!);
    if (stream.status === "ended") throw new HttpError(409, "stream_ended", "This stream has ended");
    const { productId, quantity } = await readJson(ctx, CartItemInput);
    const product = await findProduct(ctx.state, productId);
    // Only what this stream's seller sells can go in this stream's cart.
    if (product.sellerId !== stream.sellerId) {
      throw new HttpError(404, "product_not_found", "No product with this id in this stream");
    }
    const { kv } = ctx.state.services;
    const who = await participantFor(ctx.hono, ctx.state);
    const sale = await getSale(kv, stream.id);
    const cart = await setCartItem(kv, stream.id, who.identity, { product, quantity, sale });
    if (!cart) {
      throw new HttpError(409, "cart_full", `A cart holds at most ${MAX_CART_PRODUCTS} different products`);
    }
    return ctx.hono.json({ cart });
  },
};
