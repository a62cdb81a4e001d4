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

/** A 400 for input that failed its schema: every bad field's first problem, by field name. */
export class InvalidInput extends HttpError {
  readonly fields: Record<string, string>;

  constructor(message: string, fields: Record<string, string>) {
    super(400, "invalid_input", message);
    this.fields = fields;
  }
}
