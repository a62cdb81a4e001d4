import { type Handlers, readJson } from "@/lib/fresh/mod.ts";
import { personOf, watcherOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";
import * as streams from "@/lib/streams/actions.ts";
import { TokenInput } from "@/lib/streams/inputs.ts";

/** POST { as: "host" | "viewer" }: { serverUrl, token } for one connection to the stream's room. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    const { as } = await readJson(ctx, TokenInput);
    const actor = (as === "viewer" && watcherOf(ctx)) || personOf(ctx);
    return ctx.hono.json(await streams.joinToken(ctx.state.services, actor, ctx.params.id!, as));
  },
};
