import * as audience from "@/lib/audience/actions.ts";
import { ReactionInput } from "@/lib/audience/inputs.ts";
import { type Handlers, readJson } from "@/lib/fresh/mod.ts";
import { personOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** POST { emoji }: a reaction, sent to the room in the next tally (a few a second at most). */
export const handler: Handlers<State> = {
  async POST(ctx) {
    const { emoji } = await readJson(ctx, ReactionInput);
    await audience.react(ctx.state.services, personOf(ctx), ctx.params.id!, emoji);
    return ctx.hono.body(null, 202);
  },
};
