import type { Handlers } from "../../../../lib/fresh/mod.ts";
import { findOwnStream } from "../../../../lib/guards.ts";
import type { State } from "../../../../lib/state.ts";
import { getAnalytics } from "../../../../lib/store/analytics.ts";

/** The owner's numbers for the stream: viewers, chat, likes, product sheet opens, reservations. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const stream = await findOwnStream(ctx.state, ctx.params.id!);
    return ctx.hono.json(await getAnalytics(ctx.state.services.kv, stream.id));
  },
};
