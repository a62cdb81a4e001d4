// The one place where the domain's errors become HTTP: each kind has its status, a wait
// becomes `Retry-After`, and a refusal until a moment carries `until` in the error body. lib/fresh renders the result (JSON under /api/, else a page).
import { DomainError, type ErrorKind } from "@/lib/core/errors.ts";
import { HttpError } from "@/lib/fresh/mod.ts";

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
  unavailable: 503,
};

/** The HttpError a domain error stands for; anything else is left to the app's error handler. */
export function toHttpError(error: Error): HttpError | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const wait = error.retryAfterMs;
  // A wait that is not a number of seconds (a bug upstream) is no header at all.
  const headers = wait === undefined || !Number.isFinite(wait)
    ? undefined
    : { "retry-after": String(Math.max(1, Math.ceil(wait / 1000))) };
  const details = error.until ? { until: error.until } : undefined;
  return new HttpError(STATUS[error.kind], error.code, error.message, headers, details);
}
