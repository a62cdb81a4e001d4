import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";
import * as streams from "@/lib/streams/actions.ts";

export const handler: Handlers<State> = {
  async POST(ctx) {
    await readEmpty(ctx);
    return ctx.hono.json({ stream: await streams.end(ctx.state.services, askerOf(ctx), ctx.params.id!) });
  },
};
