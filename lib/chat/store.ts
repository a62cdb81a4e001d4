// A stream's chat in KV: one entry per message under a sortable id, so any page of
// history is one ordered list call; beside each, who wrote it (never sent), for the
// moderators. A removed message is deleted, so no page holds it again.
import { type ChatMessage, message } from "@/lib/contract/messages.ts";
import { CHAT_PAGE_SIZE } from "@/lib/contract/limits.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { newId } from "@/lib/kv/ids.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { deleteAll } from "@/lib/kv/batch.ts";
import { keys } from "@/lib/kv/keys.ts";

/** A stream's chat is kept a year, then goes by itself. */
const CHAT_TTL_MS = 365 * 24 * 60 * 60 * 1000;

/** Who wrote a message: the person, and the browser session they wrote from. */
export interface ChatAuthor {
  identity: string;
  browser: string | null;
}

/** Stores a message with its own id and the server's time, and its author beside it. */
export async function addChatMessage(
  kv: Deno.Kv,
  streamId: string,
  input: Pick<ChatMessage, "name" | "role" | "text">,
  now: number,
  author: ChatAuthor,
): Promise<ChatMessage> {
  const chat = message("chat", { id: newId(), ...input, at: isoAt(now) });
  await kv.atomic()
    .set(keys.chat(streamId, chat.id), chat, { expireIn: CHAT_TTL_MS })
    .set(keys.chatAuthor(streamId, chat.id), author, { expireIn: CHAT_TTL_MS })
    .commit();
  return chat;
}

/** A message and its author, or null when there is no such message (any more). */
export async function getChatMessage(
  kv: Deno.Kv,
  streamId: string,
  id: string,
): Promise<{ message: ChatMessage; author: ChatAuthor } | null> {
  const [message, author] = await kv.getMany<[ChatMessage, ChatAuthor]>([
    keys.chat(streamId, id),
    keys.chatAuthor(streamId, id),
  ]);
  return message.value && author.value ? { message: message.value, author: author.value } : null;
}

/**
 * Deletes a message and its author in one commit with `alongside` (what records the
 * removal); the message, or null when it was already gone.
 */
export async function removeChatMessage(
  kv: Deno.Kv,
  streamId: string,
  id: string,
  alongside: (op: Deno.AtomicOperation, message: ChatMessage) => Deno.AtomicOperation,
): Promise<ChatMessage | null> {
  return await atomically("removing the message", async () => {
    const entry = await kv.get<ChatMessage>(keys.chat(streamId, id));
    if (!entry.value) return null;
    const op = kv.atomic().check(entry).delete(keys.chat(streamId, id)).delete(keys.chatAuthor(streamId, id));
    return (await alongside(op, entry.value).commit()).ok ? entry.value : RETRY;
  });
}

/** Deletes every message the person wrote in the stream (their ban hides them); their ids. */
export async function removeMessagesBy(kv: Deno.Kv, streamId: string, identity: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const e of kv.list<ChatAuthor>({ prefix: keys.chatAuthorsOf(streamId) })) {
    if (e.value.identity === identity) ids.push(String(e.key.at(-1)));
  }
  await deleteAll(kv, ids.flatMap((id) => [keys.chat(streamId, id), keys.chatAuthor(streamId, id)]));
  return ids;
}

/**
 * A page of messages, oldest first: the newest `limit` (default CHAT_PAGE_SIZE), the
 * `limit` just before the message `before`, or the `limit` just after the message `after`.
 */
export async function listChat(
  kv: Deno.Kv,
  streamId: string,
  opts: { before?: string; after?: string; limit?: number } = {},
): Promise<ChatMessage[]> {
  const limit = opts.limit ?? CHAT_PAGE_SIZE;
  const prefix = keys.chatOf(streamId);
  const messages: ChatMessage[] = [];
  if (opts.after) {
    // `start` is inclusive: read one more and drop the message we were given.
    const after = kv.list<ChatMessage>({ prefix, start: keys.chat(streamId, opts.after) }, {
      limit: limit + 1,
    });
    for await (const e of after) if (e.value.id !== opts.after) messages.push(e.value);
    return messages.slice(0, limit);
  }
  const selector = opts.before ? { prefix, end: keys.chat(streamId, opts.before) } : { prefix };
  for await (const e of kv.list<ChatMessage>(selector, { reverse: true, limit })) messages.push(e.value);
  return messages.reverse();
}
