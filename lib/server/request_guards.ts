// Checks every request passes before any route sees it: state changes come only from the
// app's own pages (no cross-site form posts or fetches), ids in the path are ids (a
// 5,000-character "id" is a 404, not a KV error), and what is personal is never cached.
import { requireSeller } from "@/lib/core/actor.ts";
import { HttpError, type Middleware } from "@/lib/fresh/mod.ts";
import type { State } from "./state.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a state-changing request a browser sent from another site: by Sec-Fetch-Site,
 * or else by Origin. Requests with neither (LiveKit's webhooks, scripts) carry no ambient
 * cookies of a browser, so they pass.
 */
export const sameOrigin: Middleware<State> = (ctx, next) => {
  if (SAFE.has(ctx.req.method)) return next();
  const site = ctx.req.headers.get("sec-fetch-site");
  const origin = ctx.req.headers.get("origin");
  const host = ctx.req.headers.get("host") ?? ctx.url.host;
  const foreign = site
    ? site !== "same-origin" && site !== "none"
    : origin !== null && hostOf(origin) !== host;
  if (foreign) throw new HttpError(403, "cross_site", "This request must come from Showfloor's own pages");
  return next();
};

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Writes only a signed-in seller may make, refused before their body is read: a stranger's
 * 5 MB upload is a 401 that costs the server no parsing.
 */
export const sellerWrites: Middleware<State> = (ctx, next) => {
  if (!SAFE.has(ctx.req.method)) requireSeller({ sellerId: ctx.state.seller?.id ?? null });
  return next();
};

/** Ids the app makes (lib/kv/ids.ts, image file names) fit this; anything else names nothing. */
const ID = /^[0-9a-z][0-9a-z._-]{0,63}$/i;

export const pathIds: Middleware<State> = (ctx, next) => {
  if (Object.values(ctx.params).some((value) => !ID.test(value))) {
    throw new HttpError(404, "not_found", "Not found");
  }
  return next();
};

/** Pages and JSON are personal (who is signed in, their cart): never kept by a shared cache. */
export const noStore: Middleware<State> = async (_ctx, next) => {
  const response = await next();
  const type = response.headers.get("content-type") ?? "";
  if (!response.headers.has("cache-control") && /html|json/.test(type)) {
    response.headers.set("cache-control", "private, no-store");
  }
  return response;
};
