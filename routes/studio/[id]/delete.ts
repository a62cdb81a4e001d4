import type { Handlers } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";
import * as streams from "@/lib/streams/actions.ts";

/** POST: the studio's delete button; the stream's seller only, then back to their streams. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    if (!ctx.state.seller) return ctx.hono.redirect("/signin", 303);
    await streams.remove(ctx.state.services, askerOf(ctx), ctx.params.id!);
    return ctx.hono.redirect("/studio", 303);
  },
};
