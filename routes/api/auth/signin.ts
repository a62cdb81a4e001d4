import { publicSeller, signIn } from "../../../lib/auth/accounts.ts";
import { startSession } from "../../../lib/auth/session.ts";
import { type Handlers, readJson } from "../../../lib/fresh/mod.ts";
import { SignInInput } from "../../../lib/inputs.ts";
import type { State } from "../../../lib/state.ts";

export const handler: Handlers<State> = {
  async POST(ctx) {
    const seller = await signIn(ctx.state.services.kv, await readJson(ctx, SignInInput));
    await startSession(ctx.hono, ctx.state.services.kv, seller.id);
    return ctx.hono.json({ seller: publicSeller(seller) });
  },
};
