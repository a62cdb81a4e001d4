import type { Handlers } from "@/lib/fresh/mod.ts";
import { actorOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";
import * as streams from "@/lib/streams/actions.ts";

/** Answers { serverUrl, token }: publish rights for the stream's owner, subscribe for anyone else. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    return ctx.hono.json(await streams.joinToken(ctx.state.services, await actorOf(ctx), ctx.params.id!));
  },
};
