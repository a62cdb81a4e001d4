import { type Handlers, readEmpty, readJson } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";
import * as showcase from "@/lib/showcase/actions.ts";
import { SaleInput } from "@/lib/showcase/inputs.ts";

/**
 * The stream's owner starts a flash sale on the highlighted product (replacing one that
 * runs); the server keeps its end. DELETE ends a running one early.
 */
export const handler: Handlers<State> = {
  async POST(ctx) {
    const input = await readJson(ctx, SaleInput);
    return ctx.hono.json(await showcase.sale(ctx.state.services, askerOf(ctx), ctx.params.id!, input), 201);
  },
  async DELETE(ctx) {
    await readEmpty(ctx);
    return ctx.hono.json(await showcase.endSale(ctx.state.services, askerOf(ctx), ctx.params.id!));
  },
};
