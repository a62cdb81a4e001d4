import { type Handlers, readEmpty } from "../../../../../../lib/fresh/mod.ts";
import { findOpenStream, findStreamProduct } from "../../../../../../lib/guards.ts";
import type { State } from "../../../../../../lib/state.ts";
import { bump } from "../../../../../../lib/store/analytics.ts";

/** A viewer opened a product's sheet (empty body or {}): counted for the seller's analytics, every open. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    await readEmpty(ctx);
    const stream = await findOpenStream(ctx.state, ctx.params.id!);
    await findStreamProduct(ctx.state, stream, ctx.params.productId!);
    await bump(ctx.state.services.kv, stream.id, "sheetOpens");
    return ctx.hono.body(null, 204);
  },
};
