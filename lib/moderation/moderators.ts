// The sellers a shop named its moderators, in KV: one record each under the shop, so
// "is this seller a moderator here?" is one read.
import type { Moderator } from "@/lib/contract/views.ts";
import { deleteUnder } from "@/lib/kv/delete_all.ts";
import { keys } from "@/lib/kv/keys.ts";

export async function listModerators(kv: Deno.Kv, shopId: string): Promise<Moderator[]> {
  const moderators: Moderator[] = [];
  for await (const e of kv.list<Moderator>({ prefix: keys.moderatorsOf(shopId) })) moderators.push(e.value);
  return moderators.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
}

export async function isModerator(kv: Deno.Kv, shopId: string, sellerId: string): Promise<boolean> {
  return (await kv.get(keys.moderator(shopId, sellerId))).versionstamp !== null;
}

/** Takes a seller off every shop's moderators: their account is being deleted. */
export async function forgetModerator(kv: Deno.Kv, sellerId: string): Promise<void> {
  await deleteUnder(kv, keys.allModerators(), (key) => key.at(-1) === sellerId);
}
