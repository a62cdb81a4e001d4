// Every route: who is asking (the seller from the session cookie, the guest, the browser
// session and the device from their signed cookies), then the request guards. Asked first,
// so a page a guard refuses (an id that is none: 404) still has the seller's header; it
// only reads.
import { getSeller } from "@/lib/auth/seller_store.ts";
import { readSession } from "@/lib/auth/session_store.ts";
import type { Middleware } from "@/lib/fresh/mod.ts";
import {
  readBrowserCookie,
  readDeviceCookie,
  readGuestCookie,
  readSessionCookie,
  readZoneCookie,
} from "@/lib/server/cookies.ts";
import { noStore, pathIds, sameOrigin } from "@/lib/server/request_guards.ts";
import type { State } from "@/lib/server/state.ts";

const whoIsAsking: Middleware<State> = async (ctx, next) => {
  const { kv, config, clock } = ctx.state.services;
  const token = readSessionCookie(ctx.hono);
  const sellerId = token ? await readSession(kv, token, clock.now()) : null;
  ctx.state.seller = sellerId ? await getSeller(kv, sellerId) : null;
  ctx.state.sessionEnded = !!token && !ctx.state.seller;
  ctx.state.guest = await readGuestCookie(ctx.hono, config.appSecret);
  ctx.state.browser = await readBrowserCookie(ctx.hono, config.appSecret);
  ctx.state.device = await readDeviceCookie(ctx.hono, config.appSecret);
  ctx.state.zone = readZoneCookie(ctx.hono);
  return await next();
};

export const handler = [whoIsAsking, sameOrigin, pathIds, noStore];
