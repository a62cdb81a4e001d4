// A stream's chat in KV: one entry per message under a sortable id, so any page of
// history is one ordered list call; beside each, who wrote it (never sent), for the
// moderators. A removed message is deleted, so no page holds it again.
import { type ChatMessage, message } from "@/lib/contract/messages.ts";
import { CHAT_PAGE_SIZE, MAX_REMOVED_IDS } from "@/lib/contract/limits.ts";
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

/** Who wrote a message: the person, and the browser session they wrote from. */
export interface ChatAuthor {
  identity: string;
  browser: string | null;
}

export interface NewChat {
  author: ChatAuthor;
  /** What the room hears of it, queued in the same commit. */
  news: (chat: ChatMessage) => News[];
  /** The send's key (lib/kv/keys.ts chatSend): a repeat answers the message that send stored. */
  sendKey?: Deno.KvKey;
}

/** The message a send (its key: lib/kv/keys.ts chatSend) stored, if it did and it is still there. */
export async function sentBefore(
  kv: Deno.Kv,
  streamId: string,
  sendKey: Deno.KvKey,
): Promise<ChatMessage | null> {
  const id = (await kv.get<string>(sendKey)).value;
  return id ? (await kv.get<ChatMessage>(keys.chat(streamId, id))).value : null;
}

/**
 * Stores a message with its own id and the server's time, its author beside it, its news
 * and its count (analytics) in one commit; a repeated send stores nothing.
 */
export async function addChatMessage(
  kv: Deno.Kv,
  streamId: string,
  input: Pick<ChatMessage, "name" | "role" | "text" | "sendId">,
  now: number,
  { author, news, sendKey }: NewChat,
): Promise<{ chat: ChatMessage; repeat: boolean }> {
  return await atomically("posting to chat", async () => {
    const sent = sendKey ? await kv.get<string>(sendKey) : null;
    const stored = sent?.value ? (await kv.get<ChatMessage>(keys.chat(streamId, sent.value))).value : null;
    if (stored) return { chat: stored, repeat: true };
    const chat = message("chat", { id: newId(), ...input, at: isoAt(now) });
    const op = kv.atomic()
      .set(keys.chat(streamId, chat.id), chat, { expireIn: CHAT_TTL_MS })
      .set(keys.chatAuthor(streamId, chat.id), author, { expireIn: CHAT_TTL_MS });
    bumpIn(op, streamId, { chatMessages: 1 });
    if (sent && sendKey) op.check(sent).set(sendKey, chat.id, { expireIn: SEND_ID_TTL_MS });
    return (await queue(op, streamId, news(chat)).commit()).ok ? { chat, repeat: false } : RETRY;
  });
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

/**
 * Deletes every message the person wrote in the stream (their ban hides them), a batch of
 * MAX_REMOVED_IDS per commit with what `alongside` adds for that batch (its news); their ids.
 */
export async function removeMessagesBy(
  kv: Deno.Kv,
  streamId: string,
  identity: string,
  alongside: (op: Deno.AtomicOperation, ids: string[]) => Deno.AtomicOperation = (op) => op,
): Promise<string[]> {
  const ids: string[] = [];
  for await (const e of kv.list<ChatAuthor>({ prefix: keys.chatAuthorsOf(streamId) })) {
    if (e.value.identity === identity) ids.push(String(e.key.at(-1)));
  }
  for (let i = 0; i < ids.length; i += MAX_REMOVED_IDS) {
    const batch = ids.slice(i, i + MAX_REMOVED_IDS);
    const op = kv.atomic();
    for (const id of batch) op.delete(keys.chat(streamId, id)).delete(keys.chatAuthor(streamId, id));
    await alongside(op, batch).commit();
  }
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
