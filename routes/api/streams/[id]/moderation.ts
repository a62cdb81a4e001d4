import type { Handlers } from "@/lib/fresh/mod.ts";
import { overview } from "@/lib/moderation/view.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** GET: the seller's moderation view of the stream: open reports, the shop's bans, log, rules and moderators. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json(await overview(ctx.state.services, askerOf(ctx), ctx.params.id!));
  },
};
