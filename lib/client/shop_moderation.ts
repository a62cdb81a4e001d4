// The seller's moderation desk as the studio calls it: open reports, the shop's timeouts
// and bans, its chat rules and moderators.
import type { Ban, ChatRules, Moderator, StudioModeration, TimeOut } from "@/lib/contract/views.ts";
import { deleteJson, getJson, postJson, putJson, streamApi as stream } from "./api.ts";

const shop = (shopId: string) => `/api/shops/${encodeURIComponent(shopId)}`;
const id = encodeURIComponent;

export const dismissReport = (streamId: string, messageId: string) =>
  deleteJson<void>(`${stream(streamId)}/reports/${id(messageId)}`);

export const fetchOverview = (streamId: string) =>
  getJson<StudioModeration>(`${stream(streamId)}/moderation`);

export const unban = (shopId: string, person: string) =>
  deleteJson<{ ban: Ban }>(`${shop(shopId)}/bans/${id(person)}`);

export const liftTimeout = (shopId: string, person: string) =>
  deleteJson<{ timeout: TimeOut }>(`${shop(shopId)}/timeouts/${id(person)}`);

export const saveRules = (shopId: string, rules: ChatRules) =>
  putJson<{ rules: ChatRules }>(`${shop(shopId)}/rules`, rules);

export const fetchModerators = (shopId: string) =>
  getJson<{ moderators: Moderator[] }>(`${shop(shopId)}/moderators`).then((r) => r.moderators);

export const addModerator = (shopId: string, email: string) =>
  postJson<{ moderator: Moderator }>(`${shop(shopId)}/moderators`, { email });

export const removeModerator = (shopId: string, sellerId: string) =>
  deleteJson<void>(`${shop(shopId)}/moderators/${id(sellerId)}`);
