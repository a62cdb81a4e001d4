import { type Handlers, readJson } from "../../../../lib/fresh/mod.ts";
import { PinsInput } from "../../../../lib/inputs.ts";
import { pin } from "../../../../lib/showcase_actions.ts";
import type { State } from "../../../../lib/state.ts";

/** The stream's owner sets the pinned products, in order (at most 6). */
export const handler: Handlers<State> = {
  async PUT(ctx) {
    const { productIds } = await readJson(ctx, PinsInput);
    return ctx.hono.json(await pin(ctx.state, ctx.params.id!, productIds));
  },
};
