// A guest picks (or changes) the display name they watch and chat under.
import { GuestNameInput } from "@/lib/auth/inputs.ts";
import { type Handlers, readForm } from "@/lib/fresh/mod.ts";
import { newGuest, writeGuestCookie } from "@/lib/server/cookies.ts";
import type { State } from "@/lib/server/state.ts";

export const handler: Handlers<State> = {
  async POST(ctx) {
    const { name, returnTo } = await readForm(ctx, GuestNameInput);
    const guest = ctx.state.guest ? { ...ctx.state.guest, name } : newGuest(name);
    await writeGuestCookie(ctx.hono, ctx.state.services.config.appSecret, guest);
    return ctx.hono.redirect(returnTo, 303);
  },
};
