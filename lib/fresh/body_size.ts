// How large a request body may be. One that says a length too large is refused at once;
// every body is also counted as the route reads it, and its reads fail once it passes the
// limit, whatever its headers said (a length sent twice reads "N, N", which is no number).
// Nothing is buffered here, so a route may refuse a request (a stranger uploading) without
// reading its body at all.
import type { MiddlewareHandler } from "hono";
import { HttpError } from "./http_error.ts";

/** Refuses a body over `maxSize` bytes with a JSON-able 413. */
export function limitBody(maxSize: number): MiddlewareHandler {
  const size = maxSize < 1_000_000
    ? `${+(maxSize / 1024).toFixed(1)} KiB`
    : `${+(maxSize / 1e6).toFixed(1)} MB`;
  const tooLarge = () => new HttpError(413, "payload_too_large", `Request body exceeds ${size}`);
  return async (c, next) => {
    const { body, headers } = c.req.raw;
    if (!body) return await next();
    if (Number(headers.get("content-length")) > maxSize) throw tooLarge();
    let received = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          received += chunk.length;
          if (received > maxSize) controller.error(tooLarge());
          else controller.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: "half" } as RequestInit);
    return await next();
  };
}
