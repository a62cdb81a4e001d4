// The origin people use to reach the app, for links they share. In production the app sits
// behind an HTTPS proxy and sees plain HTTP with the public Host, so the scheme is https
// (production already refuses a LiveKit URL that is not wss://, and cameras need HTTPS).
import type { Ctx } from "./state.ts";

export function publicOrigin(ctx: Ctx): string {
  const url = new URL(ctx.url.origin);
  if (ctx.state.services.config.env === "production") url.protocol = "https:";
  return url.origin;
}
