import { type Handlers, readJson } from "../../../../lib/fresh/mod.ts";
import { SaleInput } from "../../../../lib/inputs.ts";
import { sale } from "../../../../lib/showcase_actions.ts";
import type { State } from "../../../../lib/state.ts";

/** The stream's owner starts a flash sale on the highlighted product; the server keeps its end. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    const input = await readJson(ctx, SaleInput);
    return ctx.hono.json(await sale(ctx.state, ctx.params.id!, input), 201);
  },
};
