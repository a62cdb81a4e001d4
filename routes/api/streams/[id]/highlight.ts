import { type Handlers, readJson } from "../../../../lib/fresh/mod.ts";
import { HighlightInput } from "../../../../lib/inputs.ts";
import { highlight } from "../../../../lib/showcase_actions.ts";
import type { State } from "../../../../lib/state.ts";

/** The stream's owner highlights one product, or clears the highlight with null. */
export const handler: Handlers<State> = {
  async PUT(ctx) {
    const { productId } = await readJson(ctx, HighlightInput);
    return ctx.hono.json(await highlight(ctx.state, ctx.params.id!, productId));
  },
};
