// Password hashing with argon2id on native threads (@node-rs/argon2), so hashing never
// blocks the event loop: a flood of sign-ins cannot delay chat, tokens or webhooks.
// Parameters follow OWASP's minimum for argon2id: 19 MiB memory, 2 passes, 1 lane.
// At most a few hashes run at once and a bounded queue waits; past it the answer is
// "busy, try again" at once, so a flood cannot pile up memory either.
import { hash, verify } from "@node-rs/argon2";
import { DomainError } from "@/lib/core/errors.ts";

const PARAMS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Hashes running at once: one per core of the machines we size for. */
const RUNNING = 2;
/** Hashes that may wait their turn. */
const WAITING = 32;

let running = 0;
const queue: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running < RUNNING) running++;
  else if (queue.length < WAITING) await new Promise<void>((resolve) => queue.push(resolve));
  else {throw new DomainError(
      "unavailable",
      "busy",
      "Too many sign-ins at once. Try again in a few seconds.",
      2_000,
    );}
  try {
    return await work();
  } finally {
    // A waiting hash takes this one's place; only when none waits is the place freed.
    const next = queue.shift();
    if (next) next();
    else running--;
  }
}

export function hashPassword(password: string): Promise<string> {
  return inTurn(() => hash(password, PARAMS));
}

export function verifyPassword(password: string, encoded: string): Promise<boolean> {
  return inTurn(() => verify(encoded, password));
}
