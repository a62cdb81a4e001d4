// The chat island's plumbing: the chat API, merging messages from its three sources
// (the server-rendered page, the room, and fetched pages) into one list, and dropping
// those a moderator removed.
import type { ChatMessage } from "@/lib/contract/messages.ts";
import { getJson, postJson } from "./api.ts";

const chatPath = (streamId: string) => `/api/streams/${encodeURIComponent(streamId)}/chat`;

/** A page of messages, oldest first: the newest, or those just before or after an id. */
export async function fetchChat(
  streamId: string,
  query: { before?: string; after?: string } = {},
): Promise<ChatMessage[]> {
  const params = new URLSearchParams(query as Record<string, string>);
  return (await getJson<{ messages: ChatMessage[] }>(`${chatPath(streamId)}?${params}`)).messages;
}

export async function postChat(streamId: string, text: string): Promise<ChatMessage> {
  return (await postJson<{ message: ChatMessage }>(chatPath(streamId), { text })).message;
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
