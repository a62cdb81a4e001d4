import { type Handlers, HttpError, readEmpty } from "../../../../lib/fresh/mod.ts";
import { findOpenStream } from "../../../../lib/guards.ts";
import { participantFor } from "../../../../lib/livekit/participant.ts";
import { announce } from "../../../../lib/livekit/room_service.ts";
import { reservationMessage } from "../../../../lib/sales.ts";
import type { State } from "../../../../lib/state.ts";
import { type CartItem, reserveCart } from "../../../../lib/store/carts.ts";

/**
 * Reserves the asker's cart: stock is taken atomically (never oversold), then everyone
 * hears the new stock counts and the seller hears who reserved what.
 */
export const handler: Handlers<State> = {
  async POST(ctx) {
    await readEmpty(ctx);
    const stream = await findOpenStream(ctx.state, ctx.params.id!);
    const who = await participantFor(ctx.hono, ctx.state);
    const { kv, rooms } = ctx.state.services;
    const result = await reserveCart(kv, stream.id, who);
    if (!result.ok) {
      if (result.reason === "cart_empty") throw new HttpError(409, "cart_empty", "Your cart is empty");
      if (result.reason === "sale_ended") throw new HttpError(409, "sale_ended", saleEnded(result.item));
      throw new HttpError(
        409,
        "sold_out",
        result.left === 0
          ? `${result.item.name} is sold out`
          : `Only ${result.left} of ${result.item.name} left; lower the quantity`,
      );
    }
    const { reservation, version } = result;
    for (const { productId, stock } of result.stock) {
      await announce(rooms, stream.id, "stock", { v: 1, type: "stock", productId, stock, version });
    }
    await announce(rooms, stream.id, "reservation", reservationMessage(reservation), [
      `seller-${stream.sellerId}`,
    ]);
    const { id, items, totalMinor, currency, at } = reservation;
    return ctx.hono.json({ reservation: { id, items, totalMinor, currency, at } }, 201);
  },
};

function saleEnded(item: CartItem): string {
  const time = new Date(item.saleEndsAt!).toISOString().slice(11, 19);
  return `The flash sale on ${item.name} ended at ${time} UTC; remove it from your cart and add it again at the current price`;
}
