// Who is asking: the seller from the session cookie, the guest from the signed cookie.
import { readGuestCookie, readSessionCookie } from "../lib/auth/cookies.ts";
import type { Middleware } from "../lib/fresh/mod.ts";
import type { State } from "../lib/state.ts";
import { getSeller } from "../lib/store/sellers.ts";
import { readSession } from "../lib/store/sessions.ts";

export const handler: Middleware<State> = async (ctx, next) => {
  const { kv, config } = ctx.state.services;
  const token = readSessionCookie(ctx.hono);
  const sellerId = token ? await readSession(kv, token) : null;
  ctx.state.seller = sellerId ? await getSeller(kv, sellerId) : null;
  ctx.state.guest = await readGuestCookie(ctx.hono, config.appSecret);
  return await next();
};
