import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import * as moderation from "@/lib/moderation/actions.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** DELETE: the host or a moderator deletes a message: gone for everyone, kept in the moderation log. */
export const handler: Handlers<State> = {
  async DELETE(ctx) {
    await readEmpty(ctx);
    const { id, messageId } = ctx.params;
    await moderation.deleteMessage(ctx.state.services, askerOf(ctx), id!, messageId!);
    return new Response(null, { status: 204 });
  },
};
