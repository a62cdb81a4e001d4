import { removeProduct } from "../../../../lib/catalog.ts";
import type { Handlers } from "../../../../lib/fresh/mod.ts";
import { findOwnProduct } from "../../../../lib/guards.ts";
import type { State } from "../../../../lib/state.ts";

/** POST: the edit page's delete button; owner only, then back to the catalog. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    if (!ctx.state.seller) return ctx.hono.redirect("/signin", 303);
    await removeProduct(ctx.state, await findOwnProduct(ctx.state, ctx.params.id!));
    return ctx.hono.redirect("/studio/products", 303);
  },
};
