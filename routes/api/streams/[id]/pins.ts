import { type Handlers, readJson } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";
import * as showcase from "@/lib/showcase/actions.ts";
import { PinsInput } from "@/lib/showcase/inputs.ts";

/** The stream's owner sets the pinned products, in order. */
export const handler: Handlers<State> = {
  async PUT(ctx) {
    const { productIds } = await readJson(ctx, PinsInput);
    return ctx.hono.json(await showcase.pin(ctx.state.services, askerOf(ctx), ctx.params.id!, productIds));
  },
};
