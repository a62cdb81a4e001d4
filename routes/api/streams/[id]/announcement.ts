import { type Handlers, readEmpty, readJson } from "@/lib/fresh/mod.ts";
import * as moderation from "@/lib/moderation/actions.ts";
import { PinInput } from "@/lib/moderation/inputs.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/**
 * GET: the note pinned on top of the stream's chat ({ note, version }). PUT { text }: the
 * host or a moderator pins one; DELETE unpins it.
 */
export const handler: Handlers<State> = {
  async GET(ctx) {
    return ctx.hono.json(await moderation.pinned(ctx.state.services, ctx.params.id!));
  },
  async PUT(ctx) {
    const { text } = await readJson(ctx, PinInput);
    return ctx.hono.json(await moderation.pin(ctx.state.services, askerOf(ctx), ctx.params.id!, text));
  },
  async DELETE(ctx) {
    await readEmpty(ctx);
    return ctx.hono.json(await moderation.pin(ctx.state.services, askerOf(ctx), ctx.params.id!, null));
  },
};
