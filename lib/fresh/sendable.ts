// The last look at a response before Deno's server writes it.
import { isApi } from "./error_response.ts";

/** What Deno's HTTP server can write in a header value: a control character in one stops the process. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * The response as it may be sent: a 500 instead if a header would stop the server. Only
 * redirects and errors are looked at, where what a request said can come back in a header
 * (a Location); going through every page's headers cost 15 % of the watch page's throughput.
 */
export function sendable(req: Request, response: Response): Response {
  if (response.status < 300) return response;
  for (const [name, value] of response.headers) {
    if (HEADER_VALUE.test(value)) continue;
    void response.body?.cancel();
    const path = new URL(req.url).pathname;
    console.error(`${req.method} ${path}: its ${name} header has a character no HTTP header may carry`);
    const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
    const message = "Internal server error";
    return isApi(path)
      ? Response.json({ error: { code: "internal", message } }, { status: 500, headers })
      : new Response(message, {
        status: 500,
        headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
      });
  }
  return response;
}

/** Statuses whose answer never has a body (a Response with one cannot be made). */
const BODILESS = new Set([101, 103, 204, 205, 304]);

/**
 * A HEAD's answer with no length rather than a wrong one. Hono answers a HEAD with the
 * GET's headers and no body, for which Deno's server writes "content-length: 0", where the
 * GET's page has thousands of bytes; an empty stream has no length to write, and a HEAD's
 * body is never sent. An answer that says its length (a static file, a replay) keeps it.
 */
export function headAnswer(req: Request, response: Response): Response {
  if (req.method !== "HEAD" || response.headers.has("content-length") || BODILESS.has(response.status)) {
    return response;
  }
  return new Response(new ReadableStream({ start: (stream) => stream.close() }), response);
}
