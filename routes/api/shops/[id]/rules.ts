import { type Handlers, readJson } from "@/lib/fresh/mod.ts";
import { RulesInput } from "@/lib/moderation/inputs.ts";
import * as shop from "@/lib/moderation/shop_actions.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/**
 * The chat rules of every stream of the shop (its seller's id), for its seller only. GET:
 * { rules }. PUT { slowModeSeconds, linksAllowed, blockedWords, viewerCap }: replaces them.
 */
export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json({ rules: await shop.rules(ctx.state.services, askerOf(ctx), ctx.params.id!) });
  },
  async PUT(ctx) {
    const input = await readJson(ctx, RulesInput);
    const rules = await shop.setRules(ctx.state.services, askerOf(ctx), ctx.params.id!, input);
    return ctx.hono.json({ rules });
  },
};
