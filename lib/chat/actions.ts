// Chat: pages of history, and posting, where the sender's name and role come from who
// they are and the shop's rules decide what passes (lib/moderation). Stored first,
// counted for the stream's analytics, then sent to the room.
import { bump } from "@/lib/analytics/store.ts";
import type { ChatMessage } from "@/lib/contract/messages.ts";
import type { Actor } from "@/lib/core/actor.ts";
import type { Services } from "@/lib/core/services.ts";
import { announce } from "@/lib/livekit/room_service.ts";
import { admitChat } from "@/lib/moderation/admission.ts";
import { findStream, openStream } from "@/lib/streams/access.ts";
import type { ChatPageQuery } from "./inputs.ts";
import { addChatMessage, listChat } from "./store.ts";

/** A page of the stream's chat, oldest first. */
export async function page({ kv }: Services, streamId: string, query: ChatPageQuery): Promise<ChatMessage[]> {
  const stream = await findStream(kv, streamId);
  return await listChat(kv, stream.id, query);
}

/** Posts as the asker, when the shop's rules let them (the seller is not even rate-limited). */
export async function post(
  services: Services,
  actor: Actor,
  streamId: string,
  text: string,
): Promise<ChatMessage> {
  const { kv, rooms, clock } = services;
  const stream = await openStream(kv, streamId, "This stream has ended; chat is closed");
  const role = await admitChat(services, actor, stream, text);
  const author = { identity: actor.identity, browser: actor.browser ?? null };
  const chat = await addChatMessage(kv, stream.id, { name: actor.name, role, text }, clock.now(), author);
  await bump(kv, stream.id, "chatMessages");
  await announce(rooms, stream.id, chat);
  return chat;
}
