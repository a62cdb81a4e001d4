import * as commerce from "@/lib/commerce/actions.ts";
import { ReserveInput } from "@/lib/commerce/inputs.ts";
import { type Handlers, readJsonOrEmpty } from "@/lib/fresh/mod.ts";
import { askerOf, personOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/**
 * GET: the asker's holds in this stream. POST ({ totalMinor } as seen, optional): reserves
 * the asker's cart; its stock is held for a while, and never oversold.
 */
export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json({
      reservations: await commerce.holds(ctx.state.services, askerOf(ctx), ctx.params.id!),
    });
  },
  async POST(ctx) {
    const seen = await readJsonOrEmpty(ctx, ReserveInput);
    const reservation = await commerce.reserve(ctx.state.services, personOf(ctx), ctx.params.id!, seen);
    return ctx.hono.json({ reservation }, 201);
  },
};
