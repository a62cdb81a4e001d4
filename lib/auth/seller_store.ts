// Seller accounts: one record each, and an email index that keeps emails unique.
import { isoAt } from "@/lib/core/clock.ts";
import { newId } from "@/lib/kv/ids.ts";
import { keys } from "@/lib/kv/keys.ts";

export interface Seller {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: string;
}

/** Creates a seller unless the email is taken; returns null when it is. */
export async function createSeller(
  kv: Deno.Kv,
  input: { email: string; name: string; passwordHash: string },
  now: number,
): Promise<Seller | null> {
  const seller: Seller = { id: newId(), createdAt: isoAt(now), ...input };
  const result = await kv.atomic()
    .check({ key: keys.sellerByEmail(input.email), versionstamp: null })
    .set(keys.seller(seller.id), seller)
    .set(keys.sellerByEmail(input.email), seller.id)
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
