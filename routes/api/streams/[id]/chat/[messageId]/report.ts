import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import * as moderation from "@/lib/moderation/actions.ts";
import { personOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** POST: anyone watching reports a message to the seller (once each). */
export const handler: Handlers<State> = {
  async POST(ctx) {
    await readEmpty(ctx);
    const { id, messageId } = ctx.params;
    await moderation.report(ctx.state.services, personOf(ctx), id!, messageId!);
    return new Response(null, { status: 204 });
  },
};
