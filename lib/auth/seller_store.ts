// Seller accounts: one record each, an email index that keeps emails unique, and an
// index by when each last signed in, for the sweep of idle accounts.
import { isoAt } from "@/lib/core/clock.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { markGone } from "@/lib/kv/gone.ts";
import { newId } from "@/lib/kv/ids.ts";
import { keys } from "@/lib/kv/keys.ts";

export interface Seller {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: string;
  /** When they last signed up or in; absent on accounts made before it was kept (indexOldAccounts). */
  seenAt?: string;
}

/** Creates a seller unless the email is taken; returns null when it is. */
export async function createSeller(
  kv: Deno.Kv,
  input: { email: string; name: string; passwordHash: string },
  now: number,
): Promise<Seller | null> {
  const seller: Seller = { id: newId(), createdAt: isoAt(now), seenAt: isoAt(now), ...input };
  const result = await kv.atomic()
    .check({ key: keys.sellerByEmail(input.email), versionstamp: null })
    .set(keys.seller(seller.id), seller)
    .set(keys.sellerByEmail(input.email), seller.id)
    .set(keys.accountSeen(seller.seenAt!, seller.id), true)
    .commit();
  return result.ok ? seller : null;
}

export async function getSeller(kv: Deno.Kv, id: string): Promise<Seller | null> {
  return (await kv.get<Seller>(keys.seller(id))).value;
}

export async function getSellerByEmail(kv: Deno.Kv, email: string): Promise<Seller | null> {
  const id = (await kv.get<string>(keys.sellerByEmail(email))).value;
  return id ? await getSeller(kv, id) : null;
}

/** Notes that the seller signed in at `now`, moving them in the index of idle accounts. */
export async function markSeen(kv: Deno.Kv, sellerId: string, now: number): Promise<void> {
  await atomically("noting the sign-in", async () => {
    const entry = await kv.get<Seller>(keys.seller(sellerId));
    if (!entry.value) return undefined;
    const seen: Seller = { ...entry.value, seenAt: isoAt(now) };
    const op = kv.atomic().check(entry).set(entry.key, seen).set(
      keys.accountSeen(seen.seenAt!, sellerId),
      true,
    );
    if (entry.value.seenAt) op.delete(keys.accountSeen(entry.value.seenAt, sellerId));
    return (await op.commit()).ok ? undefined : RETRY;
  });
}

/** Gives the seller a new password (its hash); false when the account is gone. */
export async function setPasswordHash(kv: Deno.Kv, sellerId: string, passwordHash: string): Promise<boolean> {
  return await atomically("changing the password", async () => {
    const entry = await kv.get<Seller>(keys.seller(sellerId));
    if (!entry.value) return false;
    const op = kv.atomic().check(entry).set(entry.key, { ...entry.value, passwordHash });
    return (await op.commit()).ok ? true : RETRY;
  });
}

/**
 * Deletes the account's record and email, unless it is live now (or gone already), or the
 * `unchanged` entry (read when the delete was decided) has changed since. What
 * else it kept goes next (lib/auth/removal.ts); the mark left here lets the sweep finish
 * that if this process stops first.
 */
export async function deleteSeller(
  kv: Deno.Kv,
  sellerId: string,
  now: number,
  unchanged?: Deno.KvEntryMaybe<unknown>,
): Promise<"deleted" | "live" | "gone" | "changed"> {
  return await atomically("deleting the account", async () => {
    const [[entry, live], then] = await Promise.all([
      kv.getMany<[Seller, string]>([keys.seller(sellerId), keys.liveStreamOf(sellerId)]),
      unchanged && kv.get(unchanged.key),
    ]);
    const seller = entry.value;
    if (!seller) return "gone";
    if (live.value) return "live";
    if (then && then.versionstamp !== unchanged!.versionstamp) return "changed";
    const op = kv.atomic().check(entry, live, ...(unchanged ? [unchanged] : []))
      .delete(entry.key)
      .delete(keys.sellerByEmail(seller.email));
    if (seller.seenAt) op.delete(keys.accountSeen(seller.seenAt, sellerId));
    return (await markGone(op, keys.goneSeller(sellerId), now).commit()).ok ? "deleted" : RETRY;
  });
}

/** Accounts made before sign-ins were kept, put in the index as seen now (once). */
export async function indexOldAccounts(kv: Deno.Kv, now: number): Promise<void> {
  if ((await kv.get(keys.accountsIndexed())).value) return;
  for await (const { value: seller } of kv.list<Seller>({ prefix: keys.allSellers() })) {
    if (!seller.seenAt) await markSeen(kv, seller.id, now);
  }
  await kv.set(keys.accountsIndexed(), true);
}
