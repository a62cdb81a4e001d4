import type { Handlers } from "../../../../lib/fresh/mod.ts";
import { findOwnStream } from "../../../../lib/guards.ts";
import { salesOf } from "../../../../lib/sales.ts";
import type { State } from "../../../../lib/state.ts";

/** The owner's view of sales: { reservations (newest first), pinned (with stock left) }. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const stream = await findOwnStream(ctx.state, ctx.params.id!);
    return ctx.hono.json(await salesOf(ctx.state.services.kv, stream.id));
  },
};
