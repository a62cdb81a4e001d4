import { changePassword } from "@/lib/auth/account_safety.ts";
import { ChangePasswordInput } from "@/lib/auth/inputs.ts";
import { sellerPageForm } from "@/lib/server/form_page.ts";
import { readSessionCookie } from "@/lib/server/cookies.ts";
import { askerOf } from "@/lib/server/identity.ts";

/** POST: the account page's Change password; every other session ends, this one stays. */
export const handler = sellerPageForm({
  page: "/studio/account",
  form: "password",
  schema: ChangePasswordInput,
  submit: (ctx, input) =>
    changePassword(ctx.state.services, askerOf(ctx), input, readSessionCookie(ctx.hono)),
  done: "/studio/account?done=password",
});
