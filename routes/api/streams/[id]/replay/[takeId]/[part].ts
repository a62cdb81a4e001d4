import { type Handlers, readParams, type RouteConfig } from "@/lib/fresh/mod.ts";
import * as replays from "@/lib/replays/actions.ts";
import { PART_BODY_LIMIT, PartParams } from "@/lib/replays/inputs.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

export const config: RouteConfig = { bodyLimit: PART_BODY_LIMIT };

/** PUT: the next few seconds of a take, as the body's raw bytes (sent again, it is counted once). */
export const handler: Handlers<State> = {
  async PUT(ctx) {
    const { part } = readParams(ctx, PartParams);
    const bytes = new Uint8Array(await ctx.req.arrayBuffer());
    const { id, takeId } = ctx.params;
    const take = await replays.addPart(ctx.state.services, askerOf(ctx), id!, takeId!, part, bytes);
    return ctx.hono.json({ take: { id: take.id, parts: take.parts, bytes: take.bytes } });
  },
};
