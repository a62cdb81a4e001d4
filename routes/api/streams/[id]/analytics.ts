import { analytics } from "@/lib/analytics/actions.ts";
import type { Handlers } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** The owner's numbers for the stream: viewers, chat, likes, product sheet opens, reservations, reactions. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json(await analytics(ctx.state.services, askerOf(ctx), ctx.params.id!));
  },
};
