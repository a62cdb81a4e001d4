import type { Handlers } from "@/lib/fresh/mod.ts";
import { homePage } from "@/lib/pages/home.ts";
import type { State } from "@/lib/server/state.ts";

/** GET: who is live now, as the home page lists them (it asks again every few seconds). */
export const handler: Handlers<State> = {
  GET: async (ctx) => ctx.hono.json(await homePage(ctx.state.services)),
};
