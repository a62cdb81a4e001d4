import { type Handlers, readJson } from "@/lib/fresh/mod.ts";
import * as moderation from "@/lib/moderation/actions.ts";
import { BanInput } from "@/lib/moderation/inputs.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** POST { messageId }: the host or a moderator bans the message's author from the shop's streams. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    const { messageId } = await readJson(ctx, BanInput);
    const ban = await moderation.ban(ctx.state.services, askerOf(ctx), ctx.params.id!, messageId);
    return ctx.hono.json({ ban }, 201);
  },
};
