// Chat: pages of history, and posting, where the sender's name and role come from who
// they are. Stored first, counted for the stream's analytics, then sent to the room.
import { bump } from "@/lib/analytics/store.ts";
import type { ChatMessage } from "@/lib/contract/messages.ts";
import type { Actor } from "@/lib/core/actor.ts";
import { DomainError } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { announce } from "@/lib/livekit/room_service.ts";
import { findStream, isOwner, openStream } from "@/lib/streams/access.ts";
import type { ChatPageQuery } from "./inputs.ts";
import { addChatMessage, listChat } from "./store.ts";

/** Per sender and stream: at most `max` messages in any `windowMs`. */
export const CHAT_RATE = { max: 5, windowMs: 5_000 };

/** A page of the stream's chat, oldest first. */
export async function page({ kv }: Services, streamId: string, query: ChatPageQuery): Promise<ChatMessage[]> {
  const stream = await findStream(kv, streamId);
  return await listChat(kv, stream.id, query);
}

/** Posts as the asker. The seller is not rate-limited in their own stream. */
export async function post(
  services: Services,
  actor: Actor,
  streamId: string,
  text: string,
): Promise<ChatMessage> {
  const { kv, rooms, clock } = services;
  const stream = await openStream(kv, streamId, "This stream has ended; chat is closed");
  const owner = isOwner(actor, stream);
  const result = await addChatMessage(kv, stream.id, {
    name: actor.name,
    role: owner ? "seller" : "viewer",
    text,
  }, {
    now: clock.now(),
    limit: owner ? undefined : { identity: actor.identity, ...CHAT_RATE },
  });
  if (!result.ok) {
    throw new DomainError(
      "rate_limited",
      "too_many_messages",
      "You're sending messages too fast. Wait a few seconds and try again.",
      result.retryAfterMs,
    );
  }
  await bump(kv, stream.id, "chatMessages");
  await announce(rooms, stream.id, result.message);
  return result.message;
}
