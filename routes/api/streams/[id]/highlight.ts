import { type Handlers, readJson } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";
import * as showcase from "@/lib/showcase/actions.ts";
import { HighlightInput } from "@/lib/showcase/inputs.ts";

/** The stream's owner highlights one product, or clears the highlight with null. */
export const handler: Handlers<State> = {
  async PUT(ctx) {
    const { productId } = await readJson(ctx, HighlightInput);
    return ctx.hono.json(
      await showcase.highlight(ctx.state.services, askerOf(ctx), ctx.params.id!, productId),
    );
  },
};
