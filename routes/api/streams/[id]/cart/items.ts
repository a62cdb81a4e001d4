import { type Handlers, HttpError, readJson } from "../../../../../lib/fresh/mod.ts";
import { findOpenStream, findStreamProduct } from "../../../../../lib/guards.ts";
import { CartItemInput } from "../../../../../lib/inputs.ts";
import { participantFor } from "../../../../../lib/livekit/participant.ts";
import type { State } from "../../../../../lib/state.ts";
import { MAX_CART_PRODUCTS, setCartItem } from "../../../../../lib/store/carts.ts";
import { getSale } from "../../../../../lib/store/showcase.ts";

/** Sets how many of a product the asker's cart holds (0 removes it); the price is fixed now. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    const stream = await findOpenStream(ctx.state, ctx.params.id!);
    const { productId, quantity } = await readJson(ctx, CartItemInput);
    const product = await findStreamProduct(ctx.state, stream, productId);
    const { kv } = ctx.state.services;
    const who = await participantFor(ctx.hono, ctx.state);
    const sale = await getSale(kv, stream.id);
    const result = await setCartItem(kv, stream.id, who.identity, { product, quantity, sale });
    if (result.ok) return ctx.hono.json({ cart: result.cart });
    if (result.reason === "cart_full") {
      throw new HttpError(409, "cart_full", `A cart holds at most ${MAX_CART_PRODUCTS} different products`);
    }
    throw new HttpError(
      409,
      "other_currency",
      `Your cart holds prices in ${result.currency}; reserve it first, then add ${product.name} (priced in ${product.currency})`,
    );
  },
};
