import { type Handlers, HttpError, readJson } from "../../../../lib/fresh/mod.ts";
import { findStream } from "../../../../lib/guards.ts";
import { ChatInput, ChatPageQuery } from "../../../../lib/inputs.ts";
import { participantFor } from "../../../../lib/livekit/participant.ts";
import { announce } from "../../../../lib/livekit/room_service.ts";
import type { State } from "../../../../lib/state.ts";
import { bump } from "../../../../lib/store/analytics.ts";
import { addChatMessage, CHAT_RATE, listChat } from "../../../../lib/store/chat.ts";

/**
 * GET: a page of the stream's chat, oldest first (`?before=<id>` or `?after=<id>`).
 * POST { text }: the sender's name and role come from their session or guest cookie;
 * stored first, then sent to the room. The seller is not rate-limited in their own stream.
 */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const stream = await findStream(ctx.state, ctx.params.id!);
    const query = ChatPageQuery.safeParse(Object.fromEntries(ctx.url.searchParams));
    if (!query.success) {
      throw new HttpError(400, "invalid_input", query.error.issues[0]?.message ?? "Invalid query");
    }
    return ctx.hono.json({ messages: await listChat(ctx.state.services.kv, stream.id, query.data) });
  },
  async POST(ctx) {
    const stream = await findStream(ctx.state, ctx.params.id!);
    if (stream.status === "ended") {
      throw new HttpError(409, "stream_ended", "This stream has ended; chat is closed");
    }
    const { text } = await readJson(ctx, ChatInput);
    const who = await participantFor(ctx.hono, ctx.state);
    const isOwner = ctx.state.seller?.id === stream.sellerId;
    const { kv, rooms } = ctx.state.services;
    const result = await addChatMessage(
      kv,
      stream.id,
      { name: who.name, role: isOwner ? "seller" : "viewer", text },
      isOwner ? undefined : { identity: who.identity, ...CHAT_RATE },
    );
    if (!result.ok) {
      throw new HttpError(
        429,
        "too_many_messages",
        "You're sending messages too fast. Wait a few seconds and try again.",
        { "retry-after": String(Math.ceil(result.retryAfterMs / 1000)) },
      );
    }
    await bump(kv, stream.id, "chatMessages");
    await announce(rooms, stream.id, "chat", result.message);
    return ctx.hono.json({ message: result.message }, 201);
  },
};
