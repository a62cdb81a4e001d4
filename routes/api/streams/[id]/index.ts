import type { Handlers } from "@/lib/fresh/mod.ts";
import type { State } from "@/lib/server/state.ts";
import * as streams from "@/lib/streams/actions.ts";

/** Public facts about a stream: what the watch page needs, nothing about the seller's account. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json({ stream: await streams.publicView(ctx.state.services, ctx.params.id!) });
  },
};
