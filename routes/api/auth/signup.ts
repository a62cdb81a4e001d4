import { publicSeller, signUp } from "../../../lib/auth/accounts.ts";
import { startSession } from "../../../lib/auth/session.ts";
import { type Handlers, readJson } from "../../../lib/fresh/mod.ts";
import { SignUpInput } from "../../../lib/inputs.ts";
import type { State } from "../../../lib/state.ts";

export const handler: Handlers<State> = {
  async POST(ctx) {
    const seller = await signUp(ctx.state.services.kv, await readJson(ctx, SignUpInput));
    await startSession(ctx.hono, ctx.state.services.kv, seller.id);
    return ctx.hono.json({ seller: publicSeller(seller) }, 201);
  },
};
