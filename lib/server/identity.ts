// Who a request comes from, for the actions: the seller from the session, or the guest
// from the signed cookie, never anything in the request body; and from which address.
// A new guest identity is not free: only the watch page and /guest make one, each under a
// limit per address of its own ("pageGuest", "guest"), so passive views never use up what
// lets a person pick a name; both also give the browser its session id.
import type { Actor } from "@/lib/core/actor.ts";
import { aboutField, DomainError } from "@/lib/core/errors.ts";
import { renameWatching } from "@/lib/audience/rename.ts";
import { admitGuestName } from "@/lib/moderation/admission.ts";
import { spend } from "@/lib/limits/limiter.ts";
import { guestIdentity, sellerIdentity, watcherIdentity } from "@/lib/livekit/names.ts";
import type { Asker } from "@/lib/pages/watch_reuse.ts";
import { clientAddress, parseProxies } from "./client_address.ts";
import { type Guest, newGuest, writeBrowserCookie, writeGuestCookie } from "./cookies.ts";
import type { Ctx } from "./state.ts";

const proxies = new WeakMap<object, ReturnType<typeof parseProxies>>();

// Worked out once per request, however many times its asker is asked for.
const addresses = new WeakMap<Request, string>();

function addressOf(ctx: Ctx): string {
  const { config } = ctx.state.services;
  if (!proxies.has(config)) proxies.set(config, parseProxies(config.trustedProxies));
  let address = addresses.get(ctx.req);
  if (address === undefined) {
    address = clientAddress(ctx.remoteAddress, ctx.req.headers.get("x-forwarded-for"), proxies.get(config)!);
    addresses.set(ctx.req, address);
  }
  return address;
}

/** The asker as far as the cookies tell: a seller, a guest, or nobody yet (identity ""). */
export function askerOf(ctx: Ctx): Actor {
  const { seller, guest } = ctx.state;
  const where = {
    address: addressOf(ctx),
    ...(ctx.state.browser ? { browser: ctx.state.browser } : {}),
    ...(ctx.state.device ? { device: ctx.state.device } : {}),
  };
  if (seller) {
    return { identity: sellerIdentity(seller.id), name: seller.name, sellerId: seller.id, ...where };
  }
  if (guest) return { identity: guestIdentity(guest.id), name: guest.name, sellerId: null, ...where };
  return { identity: "", name: "", sellerId: null, ...where };
}

/**
 * Who watches: the asker, or by their browser session one who has no name yet (their
 * address may make no more guests now). Watching needs no name; null without a session.
 */
export function watcherOf(ctx: Ctx): Actor | null {
  const actor = askerOf(ctx);
  if (actor.identity) return actor;
  return actor.browser ? { ...actor, identity: watcherIdentity(actor.browser), name: "Viewer" } : null;
}

/** The asker, who must be someone: chatting, liking, reacting and buying need a name. */
export function personOf(ctx: Ctx): Actor {
  const actor = askerOf(ctx);
  if (!actor.identity) {
    throw new DomainError(
      "unauthenticated",
      "name_required",
      "Pick a name first: “Your name in chat” on the stream's page.",
    );
  }
  return actor;
}

/**
 * Makes the asker a new guest (a signed cookie on the response), counted against their
 * address's `limit`; throws 429 when it is spent.
 */
async function makeGuest(ctx: Ctx, limit: "guest" | "pageGuest", name?: string): Promise<Guest> {
  await spend(ctx.state.services, limit, askerOf(ctx));
  const guest = newGuest(name);
  await writeGuestCookie(ctx.hono, ctx.state.services.config.appSecret, guest);
  await welcomeBrowser(ctx);
  return guest;
}

// The watch page a name was typed on (its form's returnTo), whose room learns the new name:
// read as a browser resolves it, so "/watch/x/" or "/a/../watch/x" is that page too.
const WATCHING = /^\/watch\/([0-9a-z]{1,40})\/?$/;
const watchedIn = (returnTo: string) => WATCHING.exec(new URL(returnTo, "http://here").pathname)?.[1];

/**
 * The asker's name in chat: a guest's changed (the watch page's silent guest too, costing
 * only a rename), or a stranger made a guest under it.
 */
export async function nameGuest(ctx: Ctx, name: string, returnTo: string): Promise<void> {
  const { guest, services } = ctx.state;
  const streamId = watchedIn(returnTo);
  // Typed on a stream's page: a name its chat would refuse is refused now, beside the field.
  if (streamId) {
    await admitGuestName(services.kv, name, streamId).catch((e) => Promise.reject(aboutField("name", e)));
  }
  if (!guest) return void await makeGuest(ctx, "guest", name);
  await spend(services, "rename", askerOf(ctx));
  await writeGuestCookie(ctx.hono, services.config.appSecret, { ...guest, name });
  // Saved all the same: the room's list catches up when the guest next joins.
  if (streamId) {
    await renameWatching(services, streamId, guestIdentity(guest.id), name)
      .catch((error) => console.warn("the room keeps a renamed guest's old name a while:", error));
  }
}

/** Gives a browser without one its session id (lib/server/cookies.ts). */
async function welcomeBrowser(ctx: Ctx): Promise<void> {
  ctx.state.browser ??= await writeBrowserCookie(ctx.hono, ctx.state.services.config.appSecret);
}

/**
 * On a page that welcomes strangers (the watch page): the browser gets its session id,
 * and one without a cookie becomes a guest when their address may still make one silently,
 * else watches as nobody until it picks a name. A HEAD gets neither: no browser opens a
 * page by HEAD, so its cookies would only spend the address's budget.
 */
export async function welcomeGuest(ctx: Ctx): Promise<void> {
  if (ctx.req.method === "HEAD") return;
  await welcomeBrowser(ctx);
  if (ctx.state.seller || ctx.state.guest) return;
  try {
    // The page rendered next already knows them (their name form shows on the first visit).
    ctx.state.guest = await makeGuest(ctx, "pageGuest");
  } catch (error) {
    if (!(error instanceof DomainError && error.kind === "rate_limited")) throw error;
  }
}

/** Who asks, as far as a page's HTML shows it: where, whether a seller is signed in, the guest's name. */
export function pageAsker(ctx: Ctx): Asker {
  const signedIn = !!ctx.state.seller;
  // A nameless watcher gets the name form empty: picking a name is how they may chat.
  return {
    path: ctx.url.pathname,
    signedIn,
    guestName: signedIn ? undefined : ctx.state.guest?.name ?? "",
    zone: ctx.state.zone,
  };
}
