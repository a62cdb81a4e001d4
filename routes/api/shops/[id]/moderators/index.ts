import { type Handlers, readJson } from "@/lib/fresh/mod.ts";
import { ModeratorInput } from "@/lib/moderation/inputs.ts";
import * as shop from "@/lib/moderation/shop_actions.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** The shop's moderators, for its seller only. GET: { moderators }. POST { email }: names another seller one. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json({
      moderators: await shop.moderators(ctx.state.services, askerOf(ctx), ctx.params.id!),
    });
  },
  async POST(ctx) {
    const { email } = await readJson(ctx, ModeratorInput);
    const moderator = await shop.addModerator(ctx.state.services, askerOf(ctx), ctx.params.id!, email);
    return ctx.hono.json({ moderator }, 201);
  },
};
