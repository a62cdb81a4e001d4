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
