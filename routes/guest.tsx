// A guest picks (or changes) the display name they watch and chat under; a new guest is
// counted against their address's limit.
import { GuestNameInput } from "@/lib/auth/inputs.ts";
import { type Handlers, readForm } from "@/lib/fresh/mod.ts";
import { writeGuestCookie } from "@/lib/server/cookies.ts";
import { makeGuest } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

export const handler: Handlers<State> = {
  async POST(ctx) {
    const { name, returnTo } = await readForm(ctx, GuestNameInput);
    const { guest } = ctx.state;
    if (guest) await writeGuestCookie(ctx.hono, ctx.state.services.config.appSecret, { ...guest, name });
    else await makeGuest(ctx, name);
    return ctx.hono.redirect(returnTo, 303);
  },
};
