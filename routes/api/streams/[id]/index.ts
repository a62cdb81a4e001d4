import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";
import * as streams from "@/lib/streams/actions.ts";

/**
 * GET: public facts about a stream, what the watch page needs, nothing about the seller's
 * account. DELETE: its seller, while it is not live: the stream and all kept for it.
 */
export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json({ stream: await streams.publicView(ctx.state.services, ctx.params.id!) });
  },
  async DELETE(ctx) {
    await readEmpty(ctx);
    await streams.remove(ctx.state.services, askerOf(ctx), ctx.params.id!);
    return new Response(null, { status: 204 });
  },
};
