import type { Handlers } from "../../../../../lib/fresh/mod.ts";
import { findStream } from "../../../../../lib/guards.ts";
import { participantFor } from "../../../../../lib/livekit/participant.ts";
import type { State } from "../../../../../lib/state.ts";
import { getCart } from "../../../../../lib/store/carts.ts";

/** The asker's cart in this stream. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const stream = await findStream(ctx.state, ctx.params.id!);
    const who = await participantFor(ctx.hono, ctx.state);
    return ctx.hono.json({ cart: await getCart(ctx.state.services.kv, stream.id, who.identity) });
  },
};
