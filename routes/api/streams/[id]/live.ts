import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";
import * as streams from "@/lib/streams/actions.ts";

/** POST: the seller goes live (again, from another tab or device too), and hears whether it is recorded. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    await readEmpty(ctx);
    return ctx.hono.json(await streams.goLive(ctx.state.services, askerOf(ctx), ctx.params.id!));
  },
};
