import * as commerce from "@/lib/commerce/actions.ts";
import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** POST: the stream's seller marks a hold paid: its stock stays sold. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    await readEmpty(ctx);
    const { id, reservationId } = ctx.params;
    const reservation = await commerce.resolve(ctx.state.services, askerOf(ctx), id!, reservationId!, "paid");
    return ctx.hono.json({ reservation });
  },
};
