import * as audience from "@/lib/audience/actions.ts";
import type { Handlers } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** { current, peak } viewers, from LiveKit's webhooks; the stream's owner also gets the names. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json(await audience.viewers(ctx.state.services, askerOf(ctx), ctx.params.id!));
  },
};
