// Rate limits kept in KV, so they hold across app processes and restarts: one counter
// per rule, subject (a person or an address) and fixed window, expiring with its window.
// A request over a limit is refused with the wait until the window turns.
import { type Actor } from "@/lib/core/actor.ts";
import { DomainError } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { keys } from "@/lib/kv/keys.ts";
import { type Rate, type RuleName, RULES } from "./rules.ts";

const WORDS: Record<RuleName, string> = {
  guest: "Too many new guests from your network",
  signUp: "Too many sign-ups from your network",
  signIn: "Too many sign-in attempts from your network",
  chat: "You're sending messages too fast",
  report: "Too many reports at once",
  reaction: "Slow down a little with the reactions",
  like: "You're liking and unliking too fast",
  token: "Too many connection attempts",
  cart: "You're changing your cart too fast",
  reserve: "Too many reservations at once",
  product: "Too many products added at once",
  image: "Too many images uploaded at once",
  seller: "Too many changes at once",
};

/**
 * Counts one more request of `rule` for the actor (their identity, when they have one and
 * the rule counts people) and their address; throws 429 when either is over its limit.
 */
export async function spend(
  services: Services,
  rule: RuleName,
  actor: Pick<Actor, "identity" | "address">,
): Promise<void> {
  const { identity, address } = RULES[rule] as { identity?: Rate; address: Rate };
  const subjects: [string, Rate][] = [[`a:${actor.address}`, address]];
  if (identity && actor.identity) subjects.push([`i:${actor.identity}`, identity]);
  const wait = await count(services, rule, subjects);
  if (wait > 0) {
    throw new DomainError(
      "rate_limited",
      "rate_limited",
      `${WORDS[rule]}. Wait a moment and try again.`,
      wait,
    );
  }
}

/**
 * Adds one to each subject's count in its window, in one read and one commit; when one is
 * over its limit, nothing is added and the wait until its window turns is returned (else 0).
 */
async function count({ kv, clock, config }: Services, rule: string, subjects: [string, Rate][]) {
  const now = clock.now();
  const windows = subjects.map(([subject, rate]) => {
    const window = Math.floor(now / rate.windowMs);
    return { rate, window, key: keys.rate(rule, subject, String(window)) };
  });
  return await atomically("counting requests", async () => {
    const entries = await kv.getMany<number[]>(windows.map((w) => w.key));
    const over = windows.filter((w, i) => (entries[i]!.value ?? 0) >= w.rate.max * config.rateLimitScale);
    if (over.length) return Math.max(...over.map((w) => (w.window + 1) * w.rate.windowMs - now));
    const op = kv.atomic();
    windows.forEach((w, i) =>
      op.check(entries[i]!).set(w.key, (entries[i]!.value ?? 0) + 1, { expireIn: w.rate.windowMs * 2 })
    );
    return (await op.commit()).ok ? 0 : RETRY;
  });
}
