// The sign-up and sign-in pages share one flow: show the form, or on a good post start
// a session and open the studio, or the studio page that sent the seller to sign in
// (`returnTo`); on a bad post show the form again with the error.
import type { z } from "zod";
import type { Seller } from "@/lib/auth/seller_store.ts";
import type { Actor } from "@/lib/core/actor.ts";
import { signInPath } from "@/lib/contract/paths.ts";
import { returnPath } from "@/lib/core/fields.ts";
import type { Services } from "@/lib/core/services.ts";
import { type Handlers, page } from "@/lib/fresh/mod.ts";
import { type FormFailure, submitForm } from "./forms.ts";
import { askerOf } from "./identity.ts";
import { startSession } from "./session_cookie.ts";
import type { Ctx, State } from "./state.ts";

/** What the page renders: the form posted and refused, or where to go once signed in. */
export interface AuthPage {
  failure?: FormFailure;
  returnTo?: string;
}

/**
 * Sends someone not signed in to sign in, and back to `returnTo` (a path here) after; one
 * whose session ended meanwhile is told so there.
 */
export function toSignIn(ctx: Ctx, returnTo: string): Response {
  return ctx.hono.redirect(signInPath(returnTo, ctx.state.sessionEnded), 303);
}

const backTo = (asked: unknown) => returnPath.safeParse(asked).data;

export function authPageHandlers<I extends { returnTo?: string }>(
  schema: z.ZodType<I>,
  action: (services: Services, actor: Actor, input: I) => Promise<Seller>,
): Handlers<State> {
  return {
    GET(ctx) {
      const returnTo = backTo(new URL(ctx.hono.req.url).searchParams.get("returnTo"));
      if (ctx.state.seller) return ctx.hono.redirect(returnTo ?? "/studio", 303);
      return page<AuthPage>({ returnTo });
    },
    async POST(ctx) {
      const outcome = await submitForm(
        ctx,
        schema,
        async (input) => ({ seller: await action(ctx.state.services, askerOf(ctx), input), input }),
      );
      if (!outcome.ok) {
        const { failure, status, headers } = outcome;
        return page<AuthPage>({ failure, returnTo: backTo(failure.values.returnTo) }, { status, headers });
      }
      await startSession(ctx, outcome.value.seller);
      return ctx.hono.redirect(outcome.value.input.returnTo ?? "/studio", 303);
    },
  };
}
