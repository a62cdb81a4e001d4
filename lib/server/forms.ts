// HTML form posts for pages: on bad input the page is shown again with the error in
// plain words, each bad field's problem beside it, and what the person typed (never
// their password), at the error's status.
import type { z } from "zod";
import { formBody, HttpError, InvalidInput, type RouteContext, validateForm } from "@/lib/fresh/mod.ts";
import { withWait } from "@/lib/contract/wait.ts";
import { DomainError } from "@/lib/core/errors.ts";
import { toHttpError } from "./http_errors.ts";

export interface FormFailure {
  error: string;
  /** The refusal's code ("holds_open"), for a page that says what to do about it. */
  code?: string;
  /** Each bad field's problem, by field name, to show beside it. */
  fields: Record<string, string>;
  /** Whether the error is about fields (false: `fields` holds only notes, such as a file to choose again). */
  aboutFields: boolean;
  values: Record<string, string>;
  /** Which of the page's forms was refused, when it has several (sellerPageForm). */
  form?: string;
}

export type FormOutcome<R> =
  | { ok: true; value: R }
  /** `headers`: the refusal's own, such as how long to wait (`Retry-After`). */
  | { ok: false; status: number; headers: Headers; failure: FormFailure };

export async function submitForm<I, R>(
  ctx: RouteContext<unknown>,
  schema: z.ZodType<I>,
  action: (input: I) => Promise<R>,
): Promise<FormOutcome<R>> {
  const values: Record<string, string> = {};
  const files = new Set<string>();
  try {
    // Read once (a 20 MB form parsed twice would hold twice the memory).
    const form = await formBody(ctx);
    for (const [key, value] of form) {
      // Kept to show the form again: never a password, and never more than a field could hold.
      if (typeof value === "string" && !key.includes("password")) values[key] = value.slice(0, 2_000);
      else if (typeof value !== "string" && value.size > 0) files.add(key);
    }
    return { ok: true, value: await action(validateForm(form, schema)) };
  } catch (caught) {
    const error = caught instanceof Error ? toHttpError(caught) ?? caught : caught;
    if (!(error instanceof HttpError)) throw error;
    const words = error.message.replace(/^\w+: /, "");
    const fields = error instanceof InvalidInput ? { ...error.fields } : {};
    // A refusal of what one field holds (a wrong password, a file that is no image) goes beside it.
    if (caught instanceof DomainError && caught.field) fields[caught.field] = words;
    const count = Object.keys(fields).length;
    // A browser never fills a file input in again: say so where the file was chosen.
    for (const key of files) fields[key] ??= "Choose the file again: a form sent back keeps none.";
    const wait = Number(error.headers.get("retry-after"));
    return {
      ok: false,
      status: error.status,
      headers: error.headers,
      failure: {
        error: count > 1
          ? `Please fix the ${count} fields marked below.`
          : error.status === 429 && wait > 0
          ? withWait(words, wait)
          : words,
        code: error.code,
        fields,
        aboutFields: count > 0,
        values,
      },
    };
  }
}
