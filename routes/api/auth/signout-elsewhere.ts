import { signOutElsewhere } from "@/lib/auth/account_safety.ts";
import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import { readSessionCookie } from "@/lib/server/cookies.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** POST: ends every other session of the signed-in seller's account; this one stays. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    await readEmpty(ctx);
    await signOutElsewhere(ctx.state.services, askerOf(ctx), readSessionCookie(ctx.hono));
    return ctx.hono.body(null, 204);
  },
};
