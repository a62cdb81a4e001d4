import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import * as shop from "@/lib/moderation/shop_actions.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** DELETE: the shop's seller (or a moderator) lifts a timeout before it ends. */
export const handler: Handlers<State> = {
  async DELETE(ctx) {
    await readEmpty(ctx);
    const { id, person } = ctx.params;
    const timeout = await shop.liftTimeoutOf(ctx.state.services, askerOf(ctx), id!, person!);
    return ctx.hono.json({ timeout });
  },
};
