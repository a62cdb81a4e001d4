import { type Handlers, readParams, type RouteConfig } from "@/lib/fresh/mod.ts";
import { REPLAY_PART_MAX_BYTES } from "@/lib/contract/limits.ts";
import * as replays from "@/lib/replays/actions.ts";
import { PartParams } from "@/lib/replays/inputs.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

export const config: RouteConfig = { bodyLimit: REPLAY_PART_MAX_BYTES };

/** PUT: the next few seconds of a take, as the body's raw bytes (sent again, it is counted once). */
export const handler: Handlers<State> = {
  async PUT(ctx) {
    const { part } = readParams(ctx, PartParams);
    const { id, takeId } = ctx.params;
    const body = async () => new Uint8Array(await ctx.req.arrayBuffer());
    const take = await replays.addPart(ctx.state.services, askerOf(ctx), id!, takeId!, part, body);
    return ctx.hono.json({ take: replays.takeView(take) });
  },
};
