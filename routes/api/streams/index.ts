import { type Handlers, readJson } from "../../../lib/fresh/mod.ts";
import { requireSeller } from "../../../lib/guards.ts";
import { CreateStreamInput } from "../../../lib/inputs.ts";
import type { State } from "../../../lib/state.ts";
import { listSellerStreams } from "../../../lib/store/streams.ts";
import { startStream, streamLinks } from "../../../lib/streams.ts";

export const handler: Handlers<State> = {
  async GET(ctx) {
    const seller = requireSeller(ctx.state);
    return ctx.hono.json({ streams: await listSellerStreams(ctx.state.services.kv, seller.id) });
  },
  async POST(ctx) {
    const seller = requireSeller(ctx.state);
    const stream = await startStream(ctx.state, seller, await readJson(ctx, CreateStreamInput));
    return ctx.hono.json({ stream, ...streamLinks(stream, ctx.url.origin) }, 201);
  },
};
