import { signOutElsewhere } from "@/lib/auth/account_safety.ts";
import { Nothing } from "@/lib/fresh/mod.ts";
import { sellerPageForm } from "@/lib/server/form_page.ts";
import { readSessionCookie } from "@/lib/server/cookies.ts";
import { askerOf } from "@/lib/server/identity.ts";

/** POST: the account page's Sign out everywhere else; this session stays. */
export const handler = sellerPageForm({
  page: "/studio/account",
  form: "sessions",
  schema: Nothing,
  submit: (ctx) => signOutElsewhere(ctx.state.services, askerOf(ctx), readSessionCookie(ctx.hono)),
  done: "/studio/account?done=sessions",
});
