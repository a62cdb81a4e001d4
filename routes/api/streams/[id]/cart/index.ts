import * as commerce from "@/lib/commerce/actions.ts";
import type { Handlers } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** The asker's cart in this stream. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json({
      cart: await commerce.cart(ctx.state.services, askerOf(ctx), ctx.params.id!),
    });
  },
};
