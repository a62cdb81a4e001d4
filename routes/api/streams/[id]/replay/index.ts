import { type Handlers, readJson } from "@/lib/fresh/mod.ts";
import * as replays from "@/lib/replays/actions.ts";
import { TakeInput } from "@/lib/replays/inputs.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/**
 * GET: anyone's view of an ended stream's takes, with their bytes (none before the end), and
 * whether its last parts may still come. POST: the seller starts a new take of their live
 * stream's replay; its parts follow.
 */
export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json(await replays.streamReplay(ctx.state.services, ctx.params.id!));
  },
  async POST(ctx) {
    const input = await readJson(ctx, TakeInput);
    const take = await replays.startTake(ctx.state.services, askerOf(ctx), ctx.params.id!, input);
    return ctx.hono.json({ take: replays.takeView(take) }, 201);
  },
};
