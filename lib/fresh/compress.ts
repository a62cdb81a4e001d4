// Compression by what the client accepts: brotli, else gzip, else none. Text responses
// made per request (pages, JSON) are compressed as they go out, at a quality quick enough
// for every request; island bundles and static files are compressed once, at the best
// quality, when built or loaded. Images and media keep their own encoding.
import type { MiddlewareHandler } from "hono";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type Encoding = "br" | "gzip";

/** Smaller bodies are not worth a compressor's framing. */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

/** The encoding to answer with, by the request's Accept-Encoding (q=0 refuses one). */
export function negotiate(acceptEncoding: string | null): Encoding | null {
  return accepts(acceptEncoding, "br") ? "br" : accepts(acceptEncoding, "gzip") ? "gzip" : null;
}

/** Whether the request's Accept-Encoding takes `encoding` (q=0 refuses it). */
export function accepts(acceptEncoding: string | null, encoding: Encoding): boolean {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name) accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  return (accepted.get(encoding) ?? accepted.get("*") ?? 0) > 0;
}

/** `data` compressed with `encoding`; `best` spends more time for less (once, not per request). */
export function compress(data: Uint8Array, encoding: Encoding, best = false): Uint8Array {
  if (encoding === "gzip") return gzipSync(data, { level: best ? 9 : 6 });
  return brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: best ? 11 : 4,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

const compressible = (res: Response) =>
  COMPRESSIBLE.test(res.headers.get("content-type") ?? "") && !res.headers.has("content-encoding") &&
  !res.headers.get("cache-control")?.includes("no-transform");

/** Compresses text responses made per request (pages, JSON); answers that come compressed pass as they are. */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!compressible(res) || !res.body || c.req.method === "HEAD") return;
    res.headers.append("vary", "Accept-Encoding");
    const encoding = negotiate(c.req.header("accept-encoding") ?? null);
    if (!encoding) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    if (body.length >= MIN_BYTES) {
      headers.set("content-encoding", encoding);
      headers.delete("content-length");
    }
    const sent = body.length >= MIN_BYTES ? compress(body, encoding) : body;
    // Cleared first: Hono's setter would copy the old headers (a stale length) onto the new answer.
    c.res = undefined as unknown as Response;
    c.res = new Response(sent as Uint8Array<ArrayBuffer>, {
      status: res.status,
      statusText: res.statusText,
      headers,
    });
  };
}
