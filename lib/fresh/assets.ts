// Files served as they are (island bundles, static/), kept in memory with their compressed
// forms: made once (at build time for production bundles, else on first request), then
// answered by the client's Accept-Encoding, with an ETag so a revisit costs a 304.
import { compress, type Encoding, negotiate } from "./compress.ts";

export interface Asset {
  type: string;
  raw: Uint8Array;
  /** Compressed forms made so far. */
  encoded: Partial<Record<Encoding, Uint8Array>>;
  etag: string;
}

const TEXT = /^(text\/|application\/(json|javascript)|image\/svg\+xml)/;

const TYPES: Record<string, string> = {
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
  ico: "image/x-icon",
  txt: "text/plain; charset=utf-8",
  json: "application/json",
  webmanifest: "application/manifest+json",
};

/** The content type of a file, by its extension. */
export const typeOf = (name: string) => TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream";

export async function asset(
  type: string,
  raw: Uint8Array,
  encoded: Asset["encoded"] = {},
): Promise<Asset> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", raw as Uint8Array<ArrayBuffer>));
  const etag = `"${[...digest.slice(0, 12)].map((b) => b.toString(16).padStart(2, "0")).join("")}"`;
  return { type, raw, encoded, etag };
}

/** The asset with every compressed form made at the best quality (for a build, or a small file at start). */
export async function compressedAsset(type: string, raw: Uint8Array): Promise<Asset> {
  if (!TEXT.test(type)) return await asset(type, raw);
  return await asset(type, raw, { br: compress(raw, "br", true), gzip: compress(raw, "gzip", true) });
}

/** Answers a request for the asset: 304 when the client has it, else the best encoding it accepts. */
export function serveAsset(req: Request, file: Asset, cacheControl: string): Response {
  const headers = new Headers({ "content-type": file.type, "cache-control": cacheControl, etag: file.etag });
  if (!TEXT.test(file.type)) return answer(req, file, file.raw, headers);
  headers.set("vary", "Accept-Encoding");
  const encoding = negotiate(req.headers.get("accept-encoding"));
  if (!encoding) return answer(req, file, file.raw, headers);
  file.encoded[encoding] ??= compress(file.raw, encoding);
  headers.set("content-encoding", encoding);
  return answer(req, file, file.encoded[encoding]!, headers);
}

function answer(req: Request, file: Asset, body: Uint8Array, headers: Headers): Response {
  if (req.headers.get("if-none-match") === file.etag) return new Response(null, { status: 304, headers });
  if (req.method !== "HEAD") return new Response(body as Uint8Array<ArrayBuffer>, { headers });
  // Without it, a HEAD would say the file is empty (the server's length of no body).
  headers.set("content-length", `${body.byteLength}`);
  return new Response(null, { headers });
}
