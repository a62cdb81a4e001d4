import * as catalog from "@/lib/catalog/actions.ts";
import type { Handlers } from "@/lib/fresh/mod.ts";
import { toSignIn } from "@/lib/server/auth_page.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** POST: the edit page's delete button; owner only, then back to the catalog. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    if (!ctx.state.seller) return toSignIn(ctx, `/studio/products/${encodeURIComponent(ctx.params.id!)}`);
    await catalog.remove(ctx.state.services, askerOf(ctx), ctx.params.id!);
    return ctx.hono.redirect("/studio/products?done=deleted", 303);
  },
};
