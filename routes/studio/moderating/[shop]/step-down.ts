import type { Handlers } from "@/lib/fresh/mod.ts";
import * as shop from "@/lib/moderation/shop_actions.ts";
import { toSignIn } from "@/lib/server/auth_page.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** POST: the studio home's Step down button; the moderator leaves the shop, then home, told so. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    if (!ctx.state.seller) return toSignIn(ctx, "/studio");
    const shopId = ctx.params.shop!;
    await shop.stepDown(ctx.state.services, askerOf(ctx), shopId);
    return ctx.hono.redirect(`/studio?left=${shopId}`, 303);
  },
};
