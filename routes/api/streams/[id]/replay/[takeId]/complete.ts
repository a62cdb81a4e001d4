import { type Handlers, readEmpty } from "@/lib/fresh/mod.ts";
import * as replays from "@/lib/replays/actions.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

/** POST (empty body or {}): the take's last part was sent; it takes no more and plays seekable. */
export const handler: Handlers<State> = {
  async POST(ctx) {
    await readEmpty(ctx);
    const take = await replays.completeTake(
      ctx.state.services,
      askerOf(ctx),
      ctx.params.id!,
      ctx.params.takeId!,
    );
    return ctx.hono.json({ take: replays.takeView(take) });
  },
};
