import { type Handlers, HttpError, readEmpty } from "../../../../lib/fresh/mod.ts";
import { findStream } from "../../../../lib/guards.ts";
import { participantFor } from "../../../../lib/livekit/participant.ts";
import type { State } from "../../../../lib/state.ts";
import { reserveCart } from "../../../../lib/store/carts.ts";

/**
 * Reserves the asker's cart: stock is taken atomically (never oversold), then everyone
 * hears the new stock counts and the seller hears who reserved what.
 */
export const handler: Handlers<State> = {
  async POST(ctx) {
    await readEmpty(ctx);
    const stream = await findStream(ctx.state, ctx.params.id!);
    if (stream.status === "ended") throw new HttpError(409, "stream_ended", "This stream has ended");
    const who = await participantFor(ctx.hono, ctx.state);
    const { kv, rooms } = ctx.state.services;
    const result = await reserveCart(kv, stream.id, who);
    if (!result.ok) {
      if (result.reason === "cart_empty") throw new HttpError(409, "cart_empty", "Your cart is empty");
      if (result.reason === "sale_ended") {
        throw new HttpError(
          409,
          "sale_ended",
          `The flash sale on ${result.item.name} ended at ${result.item.saleEndsAt}; remove it and add it again at the current price`,
        );
      }
      throw new HttpError(
        409,
        "sold_out",
        result.left === 0
          ? `${result.item.name} is sold out`
          : `Only ${result.left} of ${result.item.name} left; lower the quantity`,
      );
    }
    const { reservation } = result;
    for (const { productId, stock } of result.stock) {
      await rooms.send(stream.id, "stock", { v: 1, type: "stock", productId, stock });
    }
    await rooms.send(stream.id, "reservation", {
      v: 1,
      type: "reservation",
      id: reservation.id,
      name: reservation.name,
      items: reservation.items.map(({ productId, name, quantity }) => ({ productId, name, quantity })),
      at: reservation.at,
    }, [`seller-${stream.sellerId}`]);
    return ctx.hono.json({ reservation }, 201);
  },
};
