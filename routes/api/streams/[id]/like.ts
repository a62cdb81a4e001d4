import * as audience from "@/lib/audience/actions.ts";
import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import { askerOf, personOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** GET: { count, liked } for the asker. POST (empty body or {}): toggles the asker's like. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json(await audience.likes(ctx.state.services, askerOf(ctx), ctx.params.id!));
  },
  async POST(ctx) {
    // Nothing to say: who likes comes from the session or guest cookie, never the body.
    await readEmpty(ctx);
    return ctx.hono.json(await audience.toggle(ctx.state.services, personOf(ctx), ctx.params.id!));
  },
};
