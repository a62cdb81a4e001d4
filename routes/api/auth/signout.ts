import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import { endSession } from "@/lib/server/session_cookie.ts";
import type { State } from "@/lib/server/state.ts";

export const handler: Handlers<State> = {
  async POST(ctx) {
    await readEmpty(ctx);
    await endSession(ctx);
    return ctx.hono.json({ ok: true });
  },
};
