// Wrong passwords per account: after five, each next try must wait, and the wait doubles
// (30 s, 1 min, 2 min … 15 min at most), so guessing one seller's password is slow from
// anywhere, whatever the address. Tries from each device the seller has signed in on
// before (devices.ts) are counted apart from each other and from all others, so nobody
// else's wrong passwords keep the owner out of their own browser. A success clears its
// own count only; counts also go after a day.
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { keys } from "@/lib/kv/keys.ts";

/** Whose tries: one device the seller signed in on before (`device:<id>`), or anyone else. */
export type Bucket = `device:${string}` | "other";

interface Failures {
  count: number;
  /** When the last wrong password came (ms). */
  last: number;
}

const FREE = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;
const KEPT_MS = 24 * 60 * 60_000;

/** How long the account's tries from `bucket` must wait (ms; 0 when they may try now). */
export async function waitToSignIn(kv: Deno.Kv, email: string, bucket: Bucket, now: number): Promise<number> {
  const failures = (await kv.get<Failures>(keys.signInFailures(email, bucket))).value;
  if (!failures || failures.count < FREE) return 0;
  const wait = Math.min(FIRST_WAIT_MS * 2 ** (failures.count - FREE), LONGEST_WAIT_MS);
  return Math.max(0, failures.last + wait - now);
}

export async function recordFailure(kv: Deno.Kv, email: string, bucket: Bucket, now: number): Promise<void> {
  const key = keys.signInFailures(email, bucket);
  await atomically("counting a failed sign-in", async () => {
    const entry = await kv.get<Failures>(key);
    const next = { count: (entry.value?.count ?? 0) + 1, last: now };
    const op = kv.atomic().check(entry).set(key, next, { expireIn: KEPT_MS });
    return (await op.commit()).ok ? undefined : RETRY;
  });
}

export async function clearFailures(kv: Deno.Kv, email: string, bucket: Bucket): Promise<void> {
  await kv.delete(keys.signInFailures(email, bucket));
}
