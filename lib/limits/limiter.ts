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
  const now = services.clock.now();
  const scale = services.config.rateLimitScale;
  const waits = await Promise.all(
    subjects.map(([subject, rate]) => count(services.kv, rule, subject, rate, now, scale)),
  );
  const wait = Math.max(...waits);
  if (wait > 0) {
    throw new DomainError(
      "rate_limited",
      "rate_limited",
      `${WORDS[rule]}. Wait a moment and try again.`,
      wait,
    );
  }
}

/** Adds one to the subject's count in this window; the wait until it turns when over the limit, else 0. */
async function count(kv: Deno.Kv, rule: string, subject: string, rate: Rate, now: number, scale: number) {
  const window = Math.floor(now / rate.windowMs);
  const key = keys.rate(rule, subject, String(window));
  return await atomically("counting requests", async () => {
    const entry = await kv.get<number>(key);
    const used = entry.value ?? 0;
    if (used >= rate.max * scale) return (window + 1) * rate.windowMs - now;
    const op = kv.atomic().check(entry).set(key, used + 1, { expireIn: rate.windowMs * 2 });
    return (await op.commit()).ok ? 0 : RETRY;
  });
}
