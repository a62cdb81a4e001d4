// A stream's chat in KV: one entry per message under a sortable id, so any page of
// history is one ordered list call.
import { type ChatMessage, message } from "@/lib/contract/messages.ts";
import { CHAT_PAGE_SIZE } from "@/lib/contract/limits.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { newId } from "@/lib/kv/ids.ts";
import { keys } from "@/lib/kv/keys.ts";

/** A stream's chat is kept a year, then goes by itself. */
const CHAT_TTL_MS = 365 * 24 * 60 * 60 * 1000;

/** Stores a message with its own id and the server's time. */
export async function addChatMessage(
  kv: Deno.Kv,
  streamId: string,
  input: Pick<ChatMessage, "name" | "role" | "text">,
  now: number,
): Promise<ChatMessage> {
  const chat = message("chat", { id: newId(), ...input, at: isoAt(now) });
  await kv.set(keys.chat(streamId, chat.id), chat, { expireIn: CHAT_TTL_MS });
  return chat;
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
