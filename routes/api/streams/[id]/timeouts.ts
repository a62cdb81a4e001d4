import { type Handlers, readJson } from "@/lib/fresh/mod.ts";
import * as moderation from "@/lib/moderation/actions.ts";
import { TimeoutInput } from "@/lib/moderation/inputs.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** POST { messageId, minutes: 1 | 5 | 10 }: the host or a moderator times the message's author out. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    const input = await readJson(ctx, TimeoutInput);
    const { until } = await moderation.timeOut(ctx.state.services, askerOf(ctx), ctx.params.id!, input);
    return ctx.hono.json({ until }, 201);
  },
};
