import { publicSeller, signUp } from "@/lib/auth/accounts.ts";
import { SignUpInput } from "@/lib/auth/inputs.ts";
import { type Handlers, readJson } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import { startSession } from "@/lib/server/session_cookie.ts";
import type { State } from "@/lib/server/state.ts";

export const handler: Handlers<State> = {
  async POST(ctx) {
    const seller = await signUp(ctx.state.services, askerOf(ctx), await readJson(ctx, SignUpInput));
    await startSession(ctx, seller);
    return ctx.hono.json({ seller: publicSeller(seller) }, 201);
  },
};
