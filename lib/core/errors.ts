// What went wrong, in the domain's words: actions throw these, and the server layer
// (lib/server/http_errors.ts) turns each kind into its HTTP status. Messages are plain
// words a person can act on; `code` is what programs match.
export type ErrorKind =
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "unsupported"
  | "rate_limited"
  | "unavailable";

export class DomainError extends Error {
  override readonly name = "DomainError";
  /** The form field the refusal is about, if one (see aboutField): a page shows it beside that field. */
  field?: string;
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    /** For `rate_limited` and `unavailable`: how long to wait before trying again. */
    readonly retryAfterMs?: number,
    /** For a refusal that lasts until a moment (a timeout): when, as an ISO time the client shows in its own zone. */
    readonly until?: string,
  ) {
    super(message);
  }
}

export const invalid = (code: string, message: string) => new DomainError("invalid", code, message);
export const notFound = (code: string, message: string) => new DomainError("not_found", code, message);
export const forbidden = (code: string, message: string) => new DomainError("forbidden", code, message);
export const conflict = (code: string, message: string) => new DomainError("conflict", code, message);

/**
 * Says `error` is about one field of the form it answers (a wrong password, an image that
 * is not one), so the page marks and focuses that field; anything but a DomainError is
 * left as it is.
 */
export function aboutField(field: string, error: unknown): unknown {
  if (error instanceof DomainError) error.field = field;
  return error;
}
