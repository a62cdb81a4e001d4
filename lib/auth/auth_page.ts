// The sign-up and sign-in pages share one flow: show the form, or on a good post start
// a session and open the studio; on a bad post show the form again with the error.
import type { z } from "zod";
import { type FormFailure, submitForm } from "../forms.ts";
import { type Handlers, page } from "../fresh/mod.ts";
import type { State } from "../state.ts";
import type { Seller } from "../store/sellers.ts";
import { startSession } from "./session.ts";

export function authPageHandlers<I>(
  schema: z.ZodType<I>,
  action: (kv: Deno.Kv, input: I) => Promise<Seller>,
): Handlers<State> {
  return {
    GET: (ctx) =>
      ctx.state.seller ? ctx.hono.redirect("/studio", 303) : page<FormFailure | undefined>(undefined),
    async POST(ctx) {
      const { kv } = ctx.state.services;
      const outcome = await submitForm(ctx, schema, (input) => action(kv, input));
      if (!outcome.ok) return page<FormFailure | undefined>(outcome.failure, { status: outcome.status });
      await startSession(ctx.hono, kv, outcome.value.id);
      return ctx.hono.redirect("/studio", 303);
    },
  };
}
