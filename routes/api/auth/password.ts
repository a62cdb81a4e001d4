import { changePassword } from "@/lib/auth/account_safety.ts";
import { ChangePasswordInput } from "@/lib/auth/inputs.ts";
import { type Handlers, readJson } from "@/lib/fresh/mod.ts";
import { readSessionCookie } from "@/lib/server/cookies.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** POST `{ currentPassword, newPassword }`: a new password; every other session of the account ends. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    const input = await readJson(ctx, ChangePasswordInput);
    await changePassword(ctx.state.services, askerOf(ctx), input, readSessionCookie(ctx.hono));
    return ctx.hono.body(null, 204);
  },
};
