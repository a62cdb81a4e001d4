import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import * as shop from "@/lib/moderation/shop_actions.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** DELETE: the shop's seller removes one of their moderators, or that moderator steps down. */
export const handler: Handlers<State> = {
  async DELETE(ctx) {
    await readEmpty(ctx);
    const { id, sellerId } = ctx.params;
    await shop.removeModerator(ctx.state.services, askerOf(ctx), id!, sellerId!);
    return new Response(null, { status: 204 });
  },
};
