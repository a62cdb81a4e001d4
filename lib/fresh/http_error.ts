// One error type for "expected" failures: thrown anywhere in a handler,
// middleware or page, the app's error handler turns it into the response
// (JSON under /api/, the `_error.tsx` page elsewhere).
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  /** Extra response headers, e.g. `Allow` on a 405. */
  readonly headers: Headers;
  /** Extra fields of the JSON error beside `code` and `message` (e.g. `until`). */
  readonly details: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    headers?: HeadersInit,
    details: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.headers = new Headers(headers);
    this.details = details;
  }
}
