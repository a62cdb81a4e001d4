// Who may moderate a shop's chat: its seller (the host of its streams) and the sellers
// it named moderators. Every moderation action asks here first, on the server.
import type { ChatRole } from "@/lib/contract/messages.ts";
import type { Actor } from "@/lib/core/actor.ts";
import { conflict, forbidden } from "@/lib/core/errors.ts";
import { sellerIdOf } from "@/lib/livekit/names.ts";
import { isModerator } from "./moderators.ts";

/** The asker's role in the shop's chats: "seller" (the host), "moderator" or "viewer". */
export async function roleOf(kv: Deno.Kv, actor: Pick<Actor, "sellerId">, shopId: string): Promise<ChatRole> {
  if (!actor.sellerId) return "viewer";
  if (actor.sellerId === shopId) return "seller";
  return await isModerator(kv, shopId, actor.sellerId) ? "moderator" : "viewer";
}

/** The asker's role, when they are the host or a moderator; 403 for anyone else. */
export async function requireModerator(kv: Deno.Kv, actor: Actor, shopId: string): Promise<ChatRole> {
  const role = await roleOf(kv, actor, shopId);
  if (role === "viewer") {
    throw forbidden("not_moderator", "Only the seller and their moderators can moderate this chat");
  }
  return role;
}

/** 403 for anyone but the shop's seller: the rules, the moderators and the log are theirs. */
export function requireShopOwner(actor: Actor, shopId: string): void {
  if (actor.sellerId !== shopId) throw forbidden("not_shop_owner", "Only the shop's seller can do that");
}

/** True when the person (a room identity) is the shop's host or one of its moderators. */
export async function isProtected(kv: Deno.Kv, shopId: string, person: string): Promise<boolean> {
  return await roleOf(kv, { sellerId: sellerIdOf(person) }, shopId) !== "viewer";
}

/** Refuses a timeout or ban of the host or one of the moderators. */
export async function refuseProtected(kv: Deno.Kv, shopId: string, person: string): Promise<void> {
  if (await isProtected(kv, shopId, person)) throw protectedPerson();
}

export const protectedPerson = () =>
  conflict("protected", "The host and moderators can't be timed out or banned");
