import { endSession } from "../../../lib/auth/session.ts";
import type { Handlers } from "../../../lib/fresh/mod.ts";
import type { State } from "../../../lib/state.ts";

export const handler: Handlers<State> = {
  async POST(ctx) {
    await endSession(ctx.hono, ctx.state.services.kv);
    return ctx.hono.json({ ok: true });
  },
};
