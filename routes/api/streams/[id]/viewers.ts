import type { Handlers } from "../../../../lib/fresh/mod.ts";
import { findStream } from "../../../../lib/guards.ts";
import type { State } from "../../../../lib/state.ts";
import { viewersFor } from "../../../../lib/livekit/audience.ts";

/** { current, peak } viewers, from LiveKit's webhooks; the stream's owner also gets the names. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const stream = await findStream(ctx.state, ctx.params.id!);
    return ctx.hono.json(await viewersFor(ctx.state, stream));
  },
};
