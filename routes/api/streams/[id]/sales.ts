import * as commerce from "@/lib/commerce/actions.ts";
import type { Handlers } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** The owner's view of sales: { reservations (newest first), pinned (with stock left) }. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json(await commerce.sales(ctx.state.services, askerOf(ctx), ctx.params.id!));
  },
};
