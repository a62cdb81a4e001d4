// A stream's chat in KV: one entry per message under a sortable id, so any page of
// history is one ordered list call. The per-sender limit is counted in the same commit.
import { type ChatMessage, message } from "@/lib/contract/messages.ts";
import { CHAT_PAGE_SIZE } from "@/lib/contract/limits.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { newId } from "@/lib/kv/ids.ts";
import { keys } from "@/lib/kv/keys.ts";

export interface RateLimit {
  identity: string;
  max: number;
  windowMs: number;
}

export type AddChatResult = { ok: true; message: ChatMessage } | { ok: false; retryAfterMs: number };

/**
 * Stores a message with its own id and time. With `limit`, the sender's recent posts
 * are counted and updated in the same atomic commit, so a message over the limit
 * stores nothing, and so do racing requests from one sender.
 */
export async function addChatMessage(
  kv: Deno.Kv,
  streamId: string,
  input: Pick<ChatMessage, "name" | "role" | "text">,
  opts: { now: number; limit?: RateLimit },
): Promise<AddChatResult> {
  const { now, limit } = opts;
  return await atomically("posting to chat", async () => {
    const chat = message("chat", { id: newId(), ...input, at: isoAt(now) });
    const op = kv.atomic().set(keys.chat(streamId, chat.id), chat);
    if (limit) {
      const key = keys.chatRate(streamId, limit.identity);
      const entry = await kv.get<number[]>(key);
      const recent = (entry.value ?? []).filter((t) => now - t < limit.windowMs);
      if (recent.length >= limit.max) return { ok: false, retryAfterMs: recent[0]! + limit.windowMs - now };
      op.check(entry).set(key, [...recent, now], { expireIn: limit.windowMs });
    }
    return (await op.commit()).ok ? { ok: true, message: chat } : RETRY;
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
