import * as commerce from "@/lib/commerce/actions.ts";
import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** A viewer opened a product's sheet (empty body or {}): counted for the seller's analytics, every open. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    await readEmpty(ctx);
    await commerce.productOpened(ctx.state.services, askerOf(ctx), ctx.params.id!, ctx.params.productId!);
    return ctx.hono.body(null, 204);
  },
};
