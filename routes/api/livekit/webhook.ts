// LiveKit's webhooks, verified against the raw body with the SDK's receiver: an event
// with a forged or missing signature is refused and changes nothing.
import { type WebhookEvent, WebhookReceiver } from "livekit-server-sdk";
import { type Handlers, HttpError } from "../../../lib/fresh/mod.ts";
import { handleWebhookEvent } from "../../../lib/livekit/audience.ts";
import type { State } from "../../../lib/state.ts";

export const handler: Handlers<State> = {
  async POST(ctx) {
    const { apiKey, apiSecret } = ctx.state.services.config.livekit;
    const body = await ctx.req.text();
    let event: WebhookEvent;
    try {
      event = await new WebhookReceiver(apiKey, apiSecret).receive(
        body,
        ctx.req.headers.get("authorization") ?? undefined,
      );
    } catch {
      throw new HttpError(401, "bad_signature", "Webhook signature is missing or invalid");
    }
    await handleWebhookEvent(ctx.state.services, event);
    return ctx.hono.json({ ok: true });
  },
};
