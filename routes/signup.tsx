import { signUp } from "../lib/auth/accounts.ts";
import { startSession } from "../lib/auth/session.ts";
import { AuthForm } from "../components/AuthForm.tsx";
import { type FormFailure, submitForm } from "../lib/forms.ts";
import { type Handlers, page, type PageProps } from "../lib/fresh/mod.ts";
import { SignUpInput } from "../lib/inputs.ts";
import type { State } from "../lib/state.ts";

export const handler: Handlers<State> = {
  GET: (ctx) => ctx.state.seller ? ctx.hono.redirect("/studio", 303) : page(undefined),
  async POST(ctx) {
    const { kv } = ctx.state.services;
    const outcome = await submitForm(ctx, SignUpInput, (input) => signUp(kv, input));
    if (!outcome.ok) return page(outcome.failure, { status: outcome.status });
    await startSession(ctx.hono, kv, outcome.value.id);
    return ctx.hono.redirect("/studio", 303);
  },
};

export default function SignUp({ data }: PageProps<FormFailure | undefined>) {
  return <AuthForm mode="signup" failure={data} />;
}
