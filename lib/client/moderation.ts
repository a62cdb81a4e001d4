// The moderation API as the chat calls it, on watch pages and in the studio: what the host
// and moderators do to a message or its author, a viewer's report, the pinned note. The
// seller's desk (reports, timeouts, bans, rules, moderators) is in ./shop_moderation.ts.
import type { ChatMessage, ChatRole } from "@/lib/contract/messages.ts";
import type { Ban, Pinned } from "@/lib/contract/views.ts";
import type { TimeoutMinutes } from "@/lib/contract/limits.ts";
import { deleteJson, getJson, postJson, putJson, streamApi as stream } from "./api.ts";

const id = encodeURIComponent;

/** What one can do to a chat message, by role. */
export const canModerate = (role: ChatRole) => role !== "viewer";
/** Timeouts and bans are for viewers: the host and moderators are out of their reach. */
export const canSanction = (author: ChatMessage) => author.role === "viewer";

/**
 * The message a line's button acts on, for its name (a busy chat has many lines by one author):
 * "“Is the blue one in stock in size…”", its first 30 characters.
 */
export const quoted = ({ text }: ChatMessage) => `“${text.replace(/(.{30}).+/su, "$1…")}”`;

export const deleteMessage = (streamId: string, messageId: string) =>
  deleteJson<void>(`${stream(streamId)}/chat/${id(messageId)}`);

export const timeOut = (streamId: string, messageId: string, minutes: TimeoutMinutes) =>
  postJson<{ until: string }>(`${stream(streamId)}/timeouts`, { messageId, minutes });

export const ban = (streamId: string, messageId: string) =>
  postJson<{ ban: Ban }>(`${stream(streamId)}/bans`, { messageId });

export const report = (streamId: string, messageId: string) =>
  postJson<void>(`${stream(streamId)}/chat/${id(messageId)}/report`);

export const fetchPinned = (streamId: string) => getJson<Pinned>(`${stream(streamId)}/announcement`);

export const pin = (streamId: string, text: string) =>
  putJson<Pinned>(`${stream(streamId)}/announcement`, { text });

export const unpin = (streamId: string) => deleteJson<Pinned>(`${stream(streamId)}/announcement`);
