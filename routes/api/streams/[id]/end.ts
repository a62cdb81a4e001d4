import type { Handlers } from "../../../../lib/fresh/mod.ts";
import { findOwnStream } from "../../../../lib/guards.ts";
import type { State } from "../../../../lib/state.ts";
import { finishStream } from "../../../../lib/streams.ts";

export const handler: Handlers<State> = {
  async POST(ctx) {
    const stream = await findOwnStream(ctx.state, ctx.params.id!);
    return ctx.hono.json({ stream: await finishStream(ctx.state, stream) });
  },
};
