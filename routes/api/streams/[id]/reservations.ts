import * as commerce from "@/lib/commerce/actions.ts";
import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import { actorOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** Reserves the asker's cart: stock is taken atomically, so nothing is ever oversold. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    await readEmpty(ctx);
    const reservation = await commerce.reserve(ctx.state.services, await actorOf(ctx), ctx.params.id!);
    return ctx.hono.json({ reservation }, 201);
  },
};
