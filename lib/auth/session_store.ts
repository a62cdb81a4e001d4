// Seller sessions. The cookie holds a random token; KV holds only its SHA-256, so a copy
// of the database does not hand out live sessions. KV's expireIn drops stale ones. Each
// session is also listed under its seller, written and expiring with it, so a seller can
// end all of theirs but this one (a password that leaked), and a deleted account leaves none.
import { encodeBase64Url } from "./base64url.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { deleteUnder } from "@/lib/kv/delete_all.ts";
import { keys } from "@/lib/kv/keys.ts";

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

interface SessionRecord {
  sellerId: string;
  expiresAt: number;
}

async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return encodeBase64Url(new Uint8Array(digest));
}

/**
 * A new session for the seller whose password hash was checked as `passwordHash`, or null
 * when the account has gone or its password changed since: the commit checks the account
 * as it finds it, so a sign-in still checking the old password when a change (or the
 * account's deletion) ended every session gets none after it.
 */
export async function createSession(
  kv: Deno.Kv,
  seller: { id: string; passwordHash: string },
  now: number,
): Promise<string | null> {
  const token = encodeBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  const hash = await hashToken(token);
  const record: SessionRecord = { sellerId: seller.id, expiresAt: now + SESSION_TTL_MS };
  return await atomically("starting a session", async () => {
    const account = await kv.get<{ passwordHash: string }>(keys.seller(seller.id));
    if (account.value?.passwordHash !== seller.passwordHash) return null;
    const { ok } = await kv.atomic().check(account)
      .set(keys.session(hash), record, { expireIn: SESSION_TTL_MS })
      .set(keys.sessionOf(seller.id, hash), true, { expireIn: SESSION_TTL_MS })
      .commit();
    return ok ? token : RETRY;
  });
}

/** The seller id of a live session, or null for an unknown or expired token. */
export async function readSession(kv: Deno.Kv, token: string, now: number): Promise<string | null> {
  const record = (await kv.get<SessionRecord>(keys.session(await hashToken(token)))).value;
  // expireIn deletes lazily, so the expiry is checked here too.
  return record && record.expiresAt > now ? record.sellerId : null;
}

export async function deleteSession(kv: Deno.Kv, token: string): Promise<void> {
  const hash = await hashToken(token);
  const record = (await kv.get<SessionRecord>(keys.session(hash))).value;
  const op = kv.atomic().delete(keys.session(hash));
  if (record) op.delete(keys.sessionOf(record.sellerId, hash));
  await op.commit();
}

/** Ends every session of the seller but the one of `keepToken`, if given. */
export async function endSessions(kv: Deno.Kv, sellerId: string, keepToken?: string): Promise<void> {
  const keep = keepToken && await hashToken(keepToken);
  await deleteUnder(
    kv,
    keys.sessionsOf(sellerId),
    (key) => key.at(-1) !== keep,
    (key) => [keys.session(String(key.at(-1)))],
  );
}

/** Sessions made before they were listed by seller, listed (once), so they can be ended too. */
export async function indexOldSessions(kv: Deno.Kv, now: number): Promise<void> {
  if ((await kv.get(keys.sessionsIndexed())).value) return;
  for await (const { key, value } of kv.list<SessionRecord>({ prefix: keys.allSessions() })) {
    const left = value.expiresAt - now;
    if (left > 0) await kv.set(keys.sessionOf(value.sellerId, String(key.at(-1))), true, { expireIn: left });
  }
  await kv.set(keys.sessionsIndexed(), true);
}
