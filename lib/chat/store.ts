// A stream's chat in KV: one entry per message under a sortable id, so any page of
// history is one ordered list call.
import { type ChatMessage, message } from "@/lib/contract/messages.ts";
import { CHAT_PAGE_SIZE } from "@/lib/contract/limits.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { bumpIn } from "@/lib/analytics/store.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { newId } from "@/lib/kv/ids.ts";
import { keys } from "@/lib/kv/keys.ts";
import { type News, queue } from "@/lib/outbox/queue.ts";

/** A stream's chat is kept a year, then goes by itself. */
const CHAT_TTL_MS = 365 * 24 * 60 * 60 * 1000;

/** How long a send id is remembered: longer than any page keeps retrying a send. */
const SEND_ID_TTL_MS = 60 * 60 * 1000;

/**
 * Stores a message with its own id and the server's time, with its news and its count
 * (analytics) in the same commit. Given the send's key (lib/kv/keys.ts chatSend), a repeat answers the message
 * that send stored, and stores nothing.
 */
export async function addChatMessage(
  kv: Deno.Kv,
  streamId: string,
  input: Pick<ChatMessage, "name" | "role" | "text">,
  now: number,
  news: (chat: ChatMessage) => News[],
  sendKey?: Deno.KvKey,
): Promise<{ chat: ChatMessage; repeat: boolean }> {
  return await atomically("posting to chat", async () => {
    const sent = sendKey ? await kv.get<string>(sendKey) : null;
    if (sent?.value) {
      const stored = await kv.get<ChatMessage>(keys.chat(streamId, sent.value));
      if (stored.value) return { chat: stored.value, repeat: true };
    }
    const chat = message("chat", { id: newId(), ...input, at: isoAt(now) });
    const op = kv.atomic().set(keys.chat(streamId, chat.id), chat, { expireIn: CHAT_TTL_MS });
    bumpIn(op, streamId, { chatMessages: 1 });
    if (sent && sendKey) op.check(sent).set(sendKey, chat.id, { expireIn: SEND_ID_TTL_MS });
    return (await queue(op, streamId, news(chat)).commit()).ok ? { chat, repeat: false } : RETRY;
  });
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
