import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import * as replays from "@/lib/replays/actions.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";
import * as streams from "@/lib/streams/actions.ts";

/**
 * POST: the seller goes live (again, from another tab or device too); the answer says
 * whether the stream is being recorded, so a studio taking it over records on.
 */
export const handler: Handlers<State> = {
  async POST(ctx) {
    await readEmpty(ctx);
    const stream = await streams.goLive(ctx.state.services, askerOf(ctx), ctx.params.id!);
    return ctx.hono.json({ stream, recorded: await replays.isRecorded(ctx.state.services, stream) });
  },
};
