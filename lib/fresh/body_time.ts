// How long a request body may take to arrive. A client trickling one (a byte every few
// seconds) would otherwise hold its request open, unread and uncounted, for ever; a slow
// phone uploading a photo must still get through. So, as Caddy's min_rate does, a body
// may take `graceMs`, plus the time its bytes so far would take at `bytesPerSecond`:
// whoever keeps sending at that rate is never cut off, whoever stalls is within seconds.
import type { MiddlewareHandler } from "hono";
import { HttpError } from "./http_error.ts";

export interface BodyTime {
  graceMs: number;
  bytesPerSecond: number;
}

/** 10 s, and 10 KB/s (80 kbit/s, a weak mobile uplink) after that. */
export const BODY_TIME: BodyTime = { graceMs: 10_000, bytesPerSecond: 10_000 };

/** The connection is closed with the answer: what is left of the body is not waited for. */
const tooSlow = () =>
  new HttpError(408, "request_timeout", "The request's body arrived too slowly", { connection: "close" });

/** Errors the body's reads once it falls behind; the route then answers 408. */
export function timeBody({ graceMs, bytesPerSecond }: BodyTime): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return await next();
    const started = Date.now();
    let received = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timed = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        start(controller) {
          timer = setTimeout(() => controller.error(tooSlow()), graceMs);
        },
        transform(chunk, controller) {
          received += chunk.length;
          clearTimeout(timer);
          const due = started + graceMs + received / bytesPerSecond * 1000;
          timer = setTimeout(() => controller.error(tooSlow()), due - Date.now());
          controller.enqueue(chunk);
        },
        flush: () => clearTimeout(timer),
      }),
    );
    c.req.raw = new Request(c.req.raw, { body: timed, duplex: "half" } as RequestInit);
    try {
      return await next();
    } finally {
      clearTimeout(timer);
    }
  };
}
