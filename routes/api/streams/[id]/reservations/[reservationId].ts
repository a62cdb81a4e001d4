import * as commerce from "@/lib/commerce/actions.ts";
import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import { personOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** DELETE: the buyer lets their own hold go; its stock goes back on sale. */
export const handler: Handlers<State> = {
  async DELETE(ctx) {
    await readEmpty(ctx);
    const { id, reservationId } = ctx.params;
    return ctx.hono.json({
      reservation: await commerce.cancel(ctx.state.services, personOf(ctx), id!, reservationId!),
    });
  },
};
