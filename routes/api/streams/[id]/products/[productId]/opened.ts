import * as commerce from "@/lib/commerce/actions.ts";
import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import { personOf, watcherOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/**
 * A viewer opened a product's sheet (empty body or {}): counted for the seller's analytics,
 * every open. Only from a browser that opened the watch page (its cookie), so the
 * per-person limit holds.
 */
export const handler: Handlers<State> = {
  async POST(ctx) {
    await readEmpty(ctx);
    const viewer = watcherOf(ctx) ?? personOf(ctx);
    await commerce.productOpened(ctx.state.services, viewer, ctx.params.id!, ctx.params.productId!);
    return ctx.hono.body(null, 204);
  },
};
