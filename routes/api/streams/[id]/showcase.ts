import type { Handlers } from "../../../../lib/fresh/mod.ts";
import { findStream } from "../../../../lib/guards.ts";
import { showcaseOf } from "../../../../lib/showcase.ts";
import type { State } from "../../../../lib/state.ts";

/** What the stream shows now (pins, highlight, sale, server clock): what a viewer asks for after a drop. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const stream = await findStream(ctx.state, ctx.params.id!);
    return ctx.hono.json(await showcaseOf(ctx.state.services.kv, stream.id));
  },
};
