import { type Handlers, readJson } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import { publicOrigin } from "@/lib/server/public_origin.ts";
import type { State } from "@/lib/server/state.ts";
import * as streams from "@/lib/streams/actions.ts";
import { CreateStreamInput } from "@/lib/streams/inputs.ts";

export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json({ streams: await streams.listOwn(ctx.state.services, askerOf(ctx)) });
  },
  async POST(ctx) {
    const input = await readJson(ctx, CreateStreamInput);
    const stream = await streams.create(ctx.state.services, askerOf(ctx), input);
    return ctx.hono.json({ stream, ...streams.links(stream, publicOrigin(ctx)) }, 201);
  },
};
