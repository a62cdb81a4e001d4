// Who a request comes from, for the actions: the seller from the session, or the guest
// from the signed cookie, never anything in the request body.
import type { Actor } from "@/lib/core/actor.ts";
import { guestIdentity, sellerIdentity } from "@/lib/livekit/names.ts";
import { newGuest, writeGuestCookie } from "./cookies.ts";
import type { Ctx } from "./state.ts";

/** The asker as far as the cookies tell: a seller, a guest, or nobody yet (identity ""). */
export function askerOf(ctx: Ctx): Actor {
  const { seller, guest } = ctx.state;
  if (seller) return { identity: sellerIdentity(seller.id), name: seller.name, sellerId: seller.id };
  if (guest) return { identity: guestIdentity(guest.id), name: guest.name, sellerId: null };
  return { identity: "", name: "", sellerId: null };
}

/**
 * The asker; one without a cookie becomes a new guest, with a stable signed identity (the
 * page still shows no name until they pick one). Called once per request.
 */
export async function actorOf(ctx: Ctx): Promise<Actor> {
  if (ctx.state.seller || ctx.state.guest) return askerOf(ctx);
  const guest = newGuest();
  await writeGuestCookie(ctx.hono, ctx.state.services.config.appSecret, guest);
  return { identity: guestIdentity(guest.id), name: guest.name, sellerId: null };
}
