// Chat: pages of history, and posting, where the sender's name and role come from who
// they are. Stored with its news to the room and its count in one commit.
import type { ChatMessage } from "@/lib/contract/messages.ts";
import type { Actor } from "@/lib/core/actor.ts";
import type { Services } from "@/lib/core/services.ts";
import { keys } from "@/lib/kv/keys.ts";
import { spend } from "@/lib/limits/limiter.ts";
import { findStream, isOwner, openStream } from "@/lib/streams/access.ts";
import type { ChatInput, ChatPageQuery } from "./inputs.ts";
import { addChatMessage, listChat } from "./store.ts";

/** A page of the stream's chat, oldest first. */
export async function page({ kv }: Services, streamId: string, query: ChatPageQuery): Promise<ChatMessage[]> {
  const stream = await findStream(kv, streamId);
  return await listChat(kv, stream.id, query);
}

/** Posts as the asker (once per send id). The seller is not rate-limited in their own stream. */
export async function post(
  services: Services,
  actor: Actor,
  streamId: string,
  { text, sendId }: ChatInput,
): Promise<ChatMessage> {
  const { kv, clock } = services;
  const stream = await openStream(kv, streamId, "This stream has ended; chat is closed");
  const owner = isOwner(actor, stream);
  if (!owner) await spend(services, "chat", actor);
  const role = owner ? "seller" : "viewer";
  const { chat } = await addChatMessage(
    kv,
    stream.id,
    { name: actor.name, role, text },
    clock.now(),
    (m) => [{ message: m }],
    sendId ? keys.chatSend(stream.id, actor.identity, sendId) : undefined,
  );
  return chat;
}
