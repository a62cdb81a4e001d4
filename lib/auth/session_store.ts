// Seller sessions. The cookie holds a random token; KV holds only its SHA-256, so a copy
// of the database does not hand out live sessions. KV's expireIn drops stale ones.
import { encodeBase64Url } from "./base64url.ts";
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

export async function createSession(kv: Deno.Kv, sellerId: string, now: number): Promise<string> {
  const token = encodeBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  const record: SessionRecord = { sellerId, expiresAt: now + SESSION_TTL_MS };
  await kv.set(keys.session(await hashToken(token)), record, { expireIn: SESSION_TTL_MS });
  return token;
}

/** The seller id of a live session, or null for an unknown or expired token. */
export async function readSession(kv: Deno.Kv, token: string, now: number): Promise<string | null> {
  const record = (await kv.get<SessionRecord>(keys.session(await hashToken(token)))).value;
  // expireIn deletes lazily, so the expiry is checked here too.
  return record && record.expiresAt > now ? record.sellerId : null;
}

export async function deleteSession(kv: Deno.Kv, token: string): Promise<void> {
  await kv.delete(keys.session(await hashToken(token)));
}
