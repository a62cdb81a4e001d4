// The sellers a shop named its moderators, in KV: one record each under the shop, so
// "is this seller a moderator here?" is one read, and the same pair under the seller, so
// "which shops do I moderate?" is one list. Both are written and deleted in one commit.
import type { Moderator } from "@/lib/contract/views.ts";
import { keys } from "@/lib/kv/keys.ts";

export async function listModerators(kv: Deno.Kv, shopId: string): Promise<Moderator[]> {
  const moderators: Moderator[] = [];
  for await (const e of kv.list<Moderator>({ prefix: keys.moderatorsOf(shopId) })) moderators.push(e.value);
  return moderators.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
}

export async function isModerator(kv: Deno.Kv, shopId: string, sellerId: string): Promise<boolean> {
  return (await kv.get(keys.moderator(shopId, sellerId))).versionstamp !== null;
}

/** Adds naming `moderator` to `op`: the shop's record and the seller's index entry. */
export function nameModerator(op: Deno.AtomicOperation, shopId: string, moderator: Moderator) {
  const { sellerId } = moderator;
  return op.set(keys.moderator(shopId, sellerId), moderator).set(keys.moderating(sellerId, shopId), true);
}

/** How long a seller's studio home may say they no longer moderate a shop. */
const LEFT_SAID_FOR_MS = 60 * 60_000;

/** Adds taking the seller off the shop's moderators to `op`, both ways. */
export const unnameModerator = (op: Deno.AtomicOperation, shopId: string, sellerId: string) =>
  op.delete(keys.moderator(shopId, sellerId)).delete(keys.moderating(sellerId, shopId));

/** As `unnameModerator`, remembered for an hour: their studio home may say so. */
export const dropModerator = (op: Deno.AtomicOperation, shopId: string, sellerId: string) =>
  unnameModerator(op, shopId, sellerId).set(keys.leftShop(sellerId, shopId), true, {
    expireIn: LEFT_SAID_FOR_MS,
  });

/** Whether the seller stopped moderating the shop within the last hour (and is not named again). */
export async function leftLately(kv: Deno.Kv, shopId: string, sellerId: string): Promise<boolean> {
  const [left, still] = await kv.getMany([keys.leftShop(sellerId, shopId), keys.moderator(shopId, sellerId)]);
  return left.versionstamp !== null && still.versionstamp === null;
}

/** The ids of the shops the seller moderates, `limit` at most (in the order of their ids). */
export async function shopsModeratedBy(kv: Deno.Kv, sellerId: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  for await (const { key } of kv.list({ prefix: keys.moderatingOf(sellerId) }, { limit })) {
    ids.push(String(key.at(-1)));
  }
  return ids;
}

/**
 * The seller's account is being deleted: takes them off every shop's moderators, and
 * their shop's moderators off it, each pair both ways in one commit (so a naming that
 * lands meanwhile is found by the sweep's next pass, never left half), and forgets who
 * left their shop lately (whom they left goes with their own keys).
 */
export async function unnameAll(kv: Deno.Kv, sellerId: string): Promise<void> {
  for await (const { key } of kv.list({ prefix: keys.moderatingOf(sellerId) })) {
    await unnameModerator(kv.atomic(), String(key.at(-1)), sellerId).commit();
  }
  for await (const { key } of kv.list({ prefix: keys.moderatorsOf(sellerId) })) {
    await unnameModerator(kv.atomic(), sellerId, String(key.at(-1))).commit();
  }
  // Who left the shop this last hour: few, so all are looked through.
  for await (const { key } of kv.list({ prefix: keys.allLeftShops() })) {
    if (key.at(-1) === sellerId) await kv.delete(key);
  }
}

/** Moderators named before the index by seller, put in it (once); one removed meanwhile is left out. */
export async function indexOldModerators(kv: Deno.Kv): Promise<void> {
  if ((await kv.get(keys.moderatingIndexed())).value) return;
  for await (const entry of kv.list<Moderator>({ prefix: keys.allModerators() })) {
    const shopId = String(entry.key.at(-2));
    await kv.atomic().check(entry).set(keys.moderating(entry.value.sellerId, shopId), true).commit();
  }
  await kv.set(keys.moderatingIndexed(), true);
}
