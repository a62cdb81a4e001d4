// A seller's page with one form (new stream, new product, edit product): GET shows it,
// a good POST runs the action and redirects, a bad one shows the page again with the
// error in plain words and what was typed. Anyone not signed in is sent to sign in, and
// back to the page after.
// A refused delete sends the browser back to the page, which shows why once: reloading
// a refusal would send the delete again, which goes through once its cause is gone. So
// does a refused form posted elsewhere for the page (sellerPageForm).
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

const secret = (ctx: Ctx) => ctx.state.services.config.appSecret;

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
      if (opts.destructive) return await refuseBack(ctx, path(ctx), outcome.failure);
      return page<FormPage<D>>({ data: await opts.load(ctx), failure: outcome.failure }, {
        status: outcome.status,
        headers: outcome.headers,
      });
    },
  };
}

/**
 * Another form of the seller's page at `page`, posted to a path of its own, that changes
 * what a reload must not send again (a password): done, to `done`; refused, back to the
 * page, which shows why beside this form (FormFailure.form) once.
 */
export function sellerPageForm<I>(opts: {
  page: string;
  /** Which of the page's forms this is. */
  form: string;
  schema: z.ZodType<I>;
  submit: (ctx: Ctx, input: I) => Promise<unknown>;
  done: string;
}): Handlers<State> {
  return {
    async POST(ctx) {
      if (!ctx.state.seller) return toSignIn(ctx, opts.page);
      const outcome = await submitForm(ctx, opts.schema, (input) => opts.submit(ctx, input));
      if (outcome.ok) return ctx.hono.redirect(opts.done, 303);
      return await refuseBack(ctx, opts.page, outcome.failure, opts.form);
    },
  };
}

/** Keeps a refusal for the page at `path` and sends the browser back there. */
async function refuseBack(ctx: Ctx, path: string, failure: FormFailure, form?: string): Promise<Response> {
  // Its words, and each field's, cut to fit a cookie (4 KB): such a form shows no values again.
  const kept = {
    error: failure.error.slice(0, 1_000),
    code: failure.code?.slice(0, 40),
    fields: Object.fromEntries(
      Object.entries(failure.fields).slice(0, 5).map(([k, v]) => [k, v.slice(0, 200)]),
    ),
    ...(form && { form }),
  };
  await writeRefusalCookie(ctx.hono, secret(ctx), path, JSON.stringify(kept));
  return ctx.hono.redirect(path, 303);
}

const Refusal = z.object({
  error: z.string(),
  code: z.string().max(40).optional(),
  fields: z.record(z.string(), z.string()),
  form: z.string().max(40).optional(),
});

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
