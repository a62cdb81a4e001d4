// The sign-up and sign-in pages share one flow: show the form, or on a good post start
// a session and open the studio; on a bad post show the form again with the error.
import type { z } from "zod";
import type { Seller } from "@/lib/auth/seller_store.ts";
import type { Actor } from "@/lib/core/actor.ts";
import type { Services } from "@/lib/core/services.ts";
import { type Handlers, page } from "@/lib/fresh/mod.ts";
import { type FormFailure, submitForm } from "./forms.ts";
import { askerOf } from "./identity.ts";
import { startSession } from "./session_cookie.ts";
import type { State } from "./state.ts";

export function authPageHandlers<I>(
  schema: z.ZodType<I>,
  action: (services: Services, actor: Actor, input: I) => Promise<Seller>,
): Handlers<State> {
  return {
    GET: (ctx) =>
      ctx.state.seller ? ctx.hono.redirect("/studio", 303) : page<FormFailure | undefined>(undefined),
    async POST(ctx) {
      const outcome = await submitForm(
        ctx,
        schema,
        (input) => action(ctx.state.services, askerOf(ctx), input),
      );
      if (!outcome.ok) {
        return page<FormFailure | undefined>(outcome.failure, {
          status: outcome.status,
          headers: outcome.headers,
        });
      }
      await startSession(ctx, outcome.value.id);
      return ctx.hono.redirect("/studio", 303);
    },
  };
}
