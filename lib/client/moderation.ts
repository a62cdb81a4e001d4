// The moderation API as islands call it: what the host and moderators do to a message or
// its author, a viewer's report, the pinned note, and the seller's studio side (reports,
// timeouts, bans, log, the shop's rules and moderators).
import type { ChatMessage, ChatRole } from "@/lib/contract/messages.ts";
import type { Ban, ChatRules, Moderator, Pinned, StudioModeration, TimeOut } from "@/lib/contract/views.ts";
import type { TimeoutMinutes } from "@/lib/contract/limits.ts";
import { deleteJson, getJson, postJson, putJson } from "./api.ts";

const stream = (streamId: string) => `/api/streams/${encodeURIComponent(streamId)}`;
const shop = (shopId: string) => `/api/shops/${encodeURIComponent(shopId)}`;
const id = encodeURIComponent;

/** What one can do to a chat message, by role. */
export const canModerate = (role: ChatRole) => role !== "viewer";
/** Timeouts and bans are for viewers: the host and moderators are out of their reach. */
export const canSanction = (author: ChatMessage) => author.role === "viewer";

export const deleteMessage = (streamId: string, messageId: string) =>
  deleteJson<void>(`${stream(streamId)}/chat/${id(messageId)}`);

export const timeOut = (streamId: string, messageId: string, minutes: TimeoutMinutes) =>
  postJson<{ until: string }>(`${stream(streamId)}/timeouts`, { messageId, minutes });

export const ban = (streamId: string, messageId: string) =>
  postJson<{ ban: Ban }>(`${stream(streamId)}/bans`, { messageId });

export const report = (streamId: string, messageId: string) =>
  postJson<void>(`${stream(streamId)}/chat/${id(messageId)}/report`);

export const dismissReport = (streamId: string, messageId: string) =>
  deleteJson<void>(`${stream(streamId)}/reports/${id(messageId)}`);

export const fetchPinned = (streamId: string) => getJson<Pinned>(`${stream(streamId)}/announcement`);

export const pin = (streamId: string, text: string) =>
  putJson<Pinned>(`${stream(streamId)}/announcement`, { text });

export const unpin = (streamId: string) => deleteJson<Pinned>(`${stream(streamId)}/announcement`);

export const fetchOverview = (streamId: string) =>
  getJson<StudioModeration>(`${stream(streamId)}/moderation`);

export const unban = (shopId: string, person: string) =>
  deleteJson<{ ban: Ban }>(`${shop(shopId)}/bans/${id(person)}`);

export const liftTimeout = (shopId: string, person: string) =>
  deleteJson<{ timeout: TimeOut }>(`${shop(shopId)}/timeouts/${id(person)}`);

export const saveRules = (shopId: string, rules: ChatRules) =>
  putJson<{ rules: ChatRules }>(`${shop(shopId)}/rules`, rules);

export const addModerator = (shopId: string, email: string) =>
  postJson<{ moderator: Moderator }>(`${shop(shopId)}/moderators`, { email });

export const removeModerator = (shopId: string, sellerId: string) =>
  deleteJson<void>(`${shop(shopId)}/moderators/${id(sellerId)}`);
