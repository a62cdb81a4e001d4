import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import * as shop from "@/lib/moderation/shop_actions.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** DELETE: the shop's seller (or a moderator) lifts a ban. */
export const handler: Handlers<State> = {
  async DELETE(ctx) {
    await readEmpty(ctx);
    const { id, person } = ctx.params;
    return ctx.hono.json({ ban: await shop.unban(ctx.state.services, askerOf(ctx), id!, person!) });
  },
};
