import { publicSeller, signIn } from "@/lib/auth/accounts.ts";
import { SignInInput } from "@/lib/auth/inputs.ts";
import { type Handlers, readJson } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import { startSession } from "@/lib/server/session_cookie.ts";
import type { State } from "@/lib/server/state.ts";

export const handler: Handlers<State> = {
  async POST(ctx) {
    const seller = await signIn(ctx.state.services, askerOf(ctx), await readJson(ctx, SignInInput));
    await startSession(ctx, seller);
    return ctx.hono.json({ seller: publicSeller(seller) });
  },
};
