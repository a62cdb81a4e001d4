// A seller's page with one form (new stream, new product, edit product): GET shows it,
// a good POST runs the action and redirects, a bad one shows the page again with the
// error in plain words and what was typed. Anyone not signed in is sent to sign in, and
// back to the page after.
// A refused delete sends the browser back to the page, which shows why once: reloading
// a refusal would send the delete again, which goes through once its cause is gone.
import { z } from "zod";
import { type Handlers, page } from "@/lib/fresh/mod.ts";
import { toSignIn } from "./auth_page.ts";
import { takeRefusalCookie, writeRefusalCookie } from "./cookies.ts";
import { type FormFailure, submitForm } from "./forms.ts";
import type { Ctx, State } from "./state.ts";

/** What such a page renders: its own data, and the failure of the form just posted. */
export interface FormPage<D> {
  data: D;
  failure?: FormFailure;
}

export function sellerFormPage<D, I, R>(opts: {
  /** The page's data, for GET and after a failed post. */
  load: (ctx: Ctx) => Promise<D>;
  schema: z.ZodType<I>;
  submit: (ctx: Ctx, input: I) => Promise<R>;
  /** Where a good post leads. */
  done: (result: R) => string;
  /** A destructive form: refused, it redirects back to the page (see above). */
  destructive?: boolean;
}): Handlers<State> {
  const secret = (ctx: Ctx) => ctx.state.services.config.appSecret;
  const path = (ctx: Ctx) => new URL(ctx.hono.req.url).pathname;
  return {
    async GET(ctx) {
      if (!ctx.state.seller) return toSignIn(ctx, `${path(ctx)}${new URL(ctx.hono.req.url).search}`);
      const refusal = opts.destructive && await takeRefusalCookie(ctx.hono, secret(ctx), path(ctx));
      const failure = refusal ? refusalOf(refusal) : undefined;
      return page<FormPage<D>>({ data: await opts.load(ctx), failure });
    },
    async POST(ctx) {
      if (!ctx.state.seller) return toSignIn(ctx, path(ctx));
      const outcome = await submitForm(ctx, opts.schema, (input) => opts.submit(ctx, input));
      if (outcome.ok) return ctx.hono.redirect(opts.done(outcome.value), 303);
      if (opts.destructive) {
        // Its words, and each field's, cut to fit a cookie (4 KB): a delete's form shows no values again.
        const { error, fields } = outcome.failure;
        const kept = {
          error: error.slice(0, 1_000),
          fields: Object.fromEntries(
            Object.entries(fields).slice(0, 5).map(([k, v]) => [k, v.slice(0, 200)]),
          ),
        };
        await writeRefusalCookie(ctx.hono, secret(ctx), path(ctx), JSON.stringify(kept));
        return ctx.hono.redirect(path(ctx), 303);
      }
      return page<FormPage<D>>({ data: await opts.load(ctx), failure: outcome.failure }, {
        status: outcome.status,
        headers: outcome.headers,
      });
    },
  };
}

const Refusal = z.object({ error: z.string(), fields: z.record(z.string(), z.string()) });

/** A refusal as kept, or undefined for one that does not read as one. */
function refusalOf(kept: string): FormFailure | undefined {
  try {
    const parsed = Refusal.safeParse(JSON.parse(kept));
    // A delete's form has no file: each field kept is one the error is about.
    const refusal = parsed.data;
    return refusal && { ...refusal, aboutFields: Object.keys(refusal.fields).length > 0, values: {} };
  } catch {
    return undefined;
  }
}
