import * as commerce from "@/lib/commerce/actions.ts";
import { CartItemInput } from "@/lib/commerce/inputs.ts";
import { type Handlers, readJson } from "@/lib/fresh/mod.ts";
import { personOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** Sets how many of a product the asker's cart holds (0 removes it); the price is fixed now. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    const input = await readJson(ctx, CartItemInput);
    const cart = await commerce.setItem(ctx.state.services, personOf(ctx), ctx.params.id!, input);
    return ctx.hono.json({ cart });
  },
};
