import type { Handlers } from "@/lib/fresh/mod.ts";
import type { State } from "@/lib/server/state.ts";
import * as showcase from "@/lib/showcase/actions.ts";

/** What the stream shows now (pins, highlight, sale, server clock): what a viewer asks for after a drop. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json(await showcase.current(ctx.state.services, ctx.params.id!));
  },
};
