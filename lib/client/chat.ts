// The chat island's plumbing: the chat API, merging messages from its three sources
// (the server-rendered page, the room, and fetched pages) into one list, and dropping
// those a moderator removed.
import type { ChatMessage } from "@/lib/contract/messages.ts";
import { getJson, postJson, streamApi } from "./api.ts";

const chatPath = (streamId: string) => `${streamApi(streamId)}/chat`;

/** A page of messages, oldest first: the newest, or those just before or after an id. */
export async function fetchChat(
  streamId: string,
  query: { before?: string; after?: string } = {},
): Promise<ChatMessage[]> {
  const params = new URLSearchParams(query as Record<string, string>);
  return (await getJson<{ messages: ChatMessage[] }>(`${chatPath(streamId)}?${params}`)).messages;
}

/** Posts a message; a resend with the same `sendId` answers the one first posted. */
export async function postChat(streamId: string, text: string, sendId: string): Promise<ChatMessage> {
  return (await postJson<{ message: ChatMessage }>(chatPath(streamId), { text, sendId })).message;
}

/**
 * `current` plus what is new in `incoming`, one message per id, ordered by id (ids sort
 * by time). Returns `current` itself when nothing is new, so nothing re-renders.
 */
export function mergeChat(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const known = new Set(current.map((m) => m.id));
  const fresh = incoming.filter((m) => !known.has(m.id) && known.add(m.id));
  if (fresh.length === 0) return current;
  return [...current, ...fresh].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `current` without the messages a moderator removed; `current` itself when none of them is held. */
export function dropChat(current: ChatMessage[], ids: string[]): ChatMessage[] {
  const gone = new Set(ids);
  return current.some((m) => gone.has(m.id)) ? current.filter((m) => !gone.has(m.id)) : current;
}

/**
 * Joins a fetch of the chat's newest messages (and those after the newest held) to what is
 * held: the fetch is the truth from its first message to its last, so a held message in
 * that span the server no longer has was removed while this page missed the news; held
 * messages before the span, or newer than it (arrived meanwhile), stay.
 */
export function reconcileChat(held: ChatMessage[], fetched: ChatMessage[]): ChatMessage[] {
  const first = fetched[0]?.id;
  const last = fetched.at(-1)?.id;
  if (!first || !last) return held;
  const known = new Set(fetched.map((m) => m.id));
  const gone = held.filter((m) => m.id >= first && m.id <= last && !known.has(m.id)).map((m) => m.id);
  return mergeChat(dropChat(held, gone), fetched);
}
