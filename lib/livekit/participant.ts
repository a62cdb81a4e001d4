// Who a request joins the room as. The server picks the identity from the session or
// the signed guest cookie, never from anything in the request body.
import type { Context } from "hono";
import { newGuest, writeGuestCookie } from "../auth/cookies.ts";
import type { State } from "../state.ts";
import type { Participant } from "./tokens.ts";

export async function participantFor(c: Context, state: State): Promise<Participant> {
  if (state.seller) return { identity: `seller-${state.seller.id}`, name: state.seller.name };
  let guest = state.guest;
  if (!guest) {
    // A viewer who never picked a name still gets a stable, signed identity.
    guest = newGuest();
    await writeGuestCookie(c, state.services.config.appSecret, guest);
  }
  return { identity: `guest-${guest.id}`, name: guest.name };
}
