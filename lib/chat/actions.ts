// Chat: pages of history, and posting, where the sender's name and role come from who
// they are and the shop's rules decide what passes (lib/moderation). Stored with its
// author, its news to the room and its count in one commit.
import type { ChatMessage } from "@/lib/contract/messages.ts";
import type { Actor } from "@/lib/core/actor.ts";
import type { Services } from "@/lib/core/services.ts";
import { keys } from "@/lib/kv/keys.ts";
import { admitChat } from "@/lib/moderation/admission.ts";
import { findStream, openStream } from "@/lib/streams/access.ts";
import type { ChatInput, ChatPageQuery } from "./inputs.ts";
import { addChatMessage, listChat, sentBefore } from "./store.ts";

/** A page of the stream's chat, oldest first. */
export async function page({ kv }: Services, streamId: string, query: ChatPageQuery): Promise<ChatMessage[]> {
  const stream = await findStream(kv, streamId);
  return await listChat(kv, stream.id, query);
}

/** Posts as the asker (once per send id), when the shop's rules let them (the seller is not even rate-limited). */
export async function post(
  services: Services,
  actor: Actor,
  streamId: string,
  { text, sendId }: ChatInput,
): Promise<ChatMessage> {
  const { kv, clock } = services;
  const stream = await openStream(kv, streamId, "This stream has ended; chat is closed");
  const sendKey = sendId ? keys.chatSend(stream.id, actor.identity, sendId) : undefined;
  // A resend of what was posted (its answer was lost) is no new message: no limit applies.
  const posted = sendKey && await sentBefore(kv, stream.id, sendKey);
  if (posted) return posted;
  const role = await admitChat(services, actor, stream, text);
  const { chat } = await addChatMessage(
    kv,
    stream.id,
    { name: actor.name, role, text, ...(sendId && { sendId }) },
    clock.now(),
    {
      author: { identity: actor.identity, browser: actor.browser ?? null },
      news: (m) => [{ message: m }],
      sendKey,
    },
  );
  return chat;
}
