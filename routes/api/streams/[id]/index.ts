import type { Handlers } from "../../../../lib/fresh/mod.ts";
import { findStream } from "../../../../lib/guards.ts";
import type { State } from "../../../../lib/state.ts";

/** Public facts about a stream: what the watch page needs, nothing about the seller's account. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const s = await findStream(ctx.state, ctx.params.id!);
    return ctx.hono.json({
      stream: {
        id: s.id,
        title: s.title,
        description: s.description,
        sellerName: s.sellerName,
        status: s.status,
        sellerAway: !!s.sellerAway,
      },
    });
  },
};
