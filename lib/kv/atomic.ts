// Optimistic concurrency for KV: read, check the versions read, commit; when another
// writer got there first, read again. Bounded, so a hot key under a flood ends in a clear
// "try again" rather than a request that spins forever.
import { DomainError } from "@/lib/core/errors.ts";

/** What an attempt returns when its commit lost a race: read again and retry. */
export const RETRY: unique symbol = Symbol("retry");

/**
 * SQLite's busy error: another opener of the KV file (a backup, a second process) held
 * its write lock longer than SQLite waits. Nothing was written: the attempt runs again.
 */
const locked = (error: unknown) => error instanceof TypeError && error.message.includes("database is locked");

/**
 * Runs `attempt` until it returns something other than RETRY (or fails on a locked file),
 * at most `attempts` times (default 30).
 */
export async function atomically<T>(
  what: string,
  attempt: () => Promise<T | typeof RETRY>,
  opts: { attempts?: number } = {},
): Promise<T> {
  const attempts = opts.attempts ?? 30;
  for (let i = 0; i < attempts; i++) {
    const result = await attempt().catch((error): typeof RETRY => {
      if (locked(error)) return RETRY;
      throw error;
    });
    if (result !== RETRY) return result;
    // Jittered backoff spreads racing writers out, so each retry has a fair chance.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** i, 50)));
  }
  throw new DomainError(
    "unavailable",
    "busy",
    `Too many changes at once while ${what}. Try again in a moment.`,
    1_000,
  );
}
