// The origin people use to reach the app, for links they share. In production the app sits
// behind an HTTPS proxy and sees plain HTTP with the public Host, so the scheme is https
// (cameras need HTTPS); only a production build tried on the machine itself, reached on
// loopback, keeps plain http.
import type { Ctx } from "./state.ts";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function publicOrigin(ctx: Ctx): string {
  const url = new URL(ctx.url.origin);
  if (ctx.state.services.config.env === "production" && !LOOPBACK.has(url.hostname)) url.protocol = "https:";
  return url.origin;
}
