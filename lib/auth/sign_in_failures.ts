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

/**
 * Takes a try at the account's password from `bucket`: counted as wrong before the
 * password is checked (a success clears it), so tries sent all at once are counted one
 * by one and none slips past the wait while another is being checked. Returns 0 when
 * the try may go ahead, else how long tries from `bucket` must wait (ms).
 */
export async function takeTry(kv: Deno.Kv, email: string, bucket: Bucket, now: number): Promise<number> {
  const key = keys.signInFailures(email, bucket);
  return await atomically("counting a sign-in try", async () => {
    const entry = await kv.get<Failures>(key);
    const wait = waitAfter(entry.value, now);
    if (wait > 0) return wait;
    const next = { count: (entry.value?.count ?? 0) + 1, last: now };
    const op = kv.atomic().check(entry).set(key, next, { expireIn: KEPT_MS });
    return (await op.commit()).ok ? 0 : RETRY;
  });
}

/** Gives back a try whose password could not be checked (the server too busy): it was not wrong. */
export async function giveBackTry(kv: Deno.Kv, email: string, bucket: Bucket): Promise<void> {
  const key = keys.signInFailures(email, bucket);
  await atomically("giving back a sign-in try", async () => {
    const entry = await kv.get<Failures>(key);
    if (!entry.value) return;
    const op = kv.atomic().check(entry).set(key, { ...entry.value, count: entry.value.count - 1 }, {
      expireIn: KEPT_MS,
    });
    return (await op.commit()).ok ? undefined : RETRY;
  });
}

/** How long tries must wait after these failures (ms; 0 when they may try now). */
function waitAfter(failures: Failures | null, now: number): number {
  if (!failures || failures.count < FREE) return 0;
  const wait = Math.min(FIRST_WAIT_MS * 2 ** (failures.count - FREE), LONGEST_WAIT_MS);
  return Math.max(0, failures.last + wait - now);
}

export async function clearFailures(kv: Deno.Kv, email: string, bucket: Bucket): Promise<void> {
  await kv.delete(keys.signInFailures(email, bucket));
}
