import { DeleteAccountInput } from "@/lib/auth/inputs.ts";
import { deleteAccount } from "@/lib/auth/removal.ts";
import { type Handlers, readJson } from "@/lib/fresh/mod.ts";
import { askerOf } from "@/lib/server/identity.ts";
import { endSession } from "@/lib/server/session_cookie.ts";
import type { State } from "@/lib/server/state.ts";

/** DELETE `{ password }`: the signed-in seller's account and all it holds, then signed out. */
export const handler: Handlers<State> = {
  async DELETE(ctx) {
    const { password } = await readJson(ctx, DeleteAccountInput);
    await deleteAccount(ctx.state.services, askerOf(ctx), password);
    await endSession(ctx);
    return ctx.hono.body(null, 204);
  },
};
