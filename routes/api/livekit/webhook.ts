// LiveKit's webhooks: verified against the raw body (a forged or missing signature is a
// 401 and changes nothing), then applied to the stream's audience.
import { handleRoomActivity } from "@/lib/audience/webhooks.ts";
import type { Handlers } from "@/lib/fresh/mod.ts";
import { readWebhook } from "@/lib/livekit/webhook.ts";
import type { State } from "@/lib/server/state.ts";

export const handler: Handlers<State> = {
  async POST(ctx) {
    const { services } = ctx.state;
    const authorization = ctx.req.headers.get("authorization") ?? undefined;
    const activity = await readWebhook(services.config.livekit, await ctx.req.text(), authorization);
    if (activity) await handleRoomActivity(services, activity);
    return ctx.hono.json({ ok: true });
  },
};
