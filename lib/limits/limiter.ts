// Rate limits kept in KV, so they hold across app processes and restarts: one counter
// per rule, subject (a person or an address) and fixed window, expiring with its window.
// A request over a limit is refused with the wait until the window turns.
import { type Actor } from "@/lib/core/actor.ts";
import { DomainError } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { keys } from "@/lib/kv/keys.ts";
import { perStore } from "@/lib/kv/per_store.ts";
import { type Rate, type RuleName, RULES } from "./rules.ts";

const WORDS: Record<RuleName, string> = {
  guest: "Too many new guests from your network",
  // Never shown: past it the watch page lets the stranger watch nameless.
  pageGuest: "Too many new guests from your network",
  signUp: "Too many sign-ups from your network",
  signIn: "Too many sign-in attempts from your network",
  account: "Too many password changes and sign-outs just now",
  rename: "You're changing your name too often",
  chat: "You're sending messages too fast",
  report: "Too many reports at once",
  reaction: "Slow down a little with the reactions",
  like: "You're liking and unliking too fast",
  token: "Too many connection attempts",
  cart: "You're changing your cart too fast",
  reserve: "Too many reservations at once",
  sheet: "Too many products opened at once",
  product: "Too many products added at once",
  image: "Too many images uploaded at once",
  seller: "Too many changes at once",
  moderator: "Too many moderators named in the last hour",
  replay: "The replay is being sent too fast",
};

/**
 * Counts one more request of `rule` for the actor (their identity, when they have one and
 * the rule counts people) and their address; throws 429 when either is over its limit.
 */
export async function spend(services: Services, rule: RuleName, actor: Subject): Promise<void> {
  const wait = await count(services, windowsOf(rule, actor, services.clock.now()));
  if (wait > 0) throw refusal(rule, wait);
}

/**
 * `spend`, counted in this process's memory instead of KV: for a read that hands out
 * something limited (the watch page's room ticket), where a write per page view would cost
 * more than the page itself. Each app process counts apart, so with N of them the limit is
 * N times as wide.
 */
export function spendHere(services: Services, rule: RuleName, actor: Subject): void {
  const now = services.clock.now();
  const counts = countsHere(services.kv, now);
  const windows = windowsOf(rule, actor, now).map((w) => ({ ...w, id: w.key.join("|") }));
  const over = windows.filter((w) =>
    (counts.get(w.id)?.count ?? 0) >= w.rate.max * services.config.rateLimitScale
  );
  if (over.length) throw refusal(rule, waitFor(over, now));
  for (const w of windows) {
    counts.set(w.id, { count: (counts.get(w.id)?.count ?? 0) + 1, until: (w.window + 1) * w.rate.windowMs });
  }
}

type Subject = Pick<Actor, "identity" | "address">;

interface Window {
  rate: Rate;
  window: number;
  key: Deno.KvKey;
}

/** The window each of the actor's counters for `rule` is in now. */
function windowsOf(rule: RuleName, actor: Subject, now: number): Window[] {
  const { identity, address } = RULES[rule] as { identity?: Rate; address: Rate };
  const subjects: [string, Rate][] = [[`a:${actor.address}`, address]];
  if (identity && actor.identity) subjects.push([`i:${actor.identity}`, identity]);
  return subjects.map(([subject, rate]) => {
    const window = Math.floor(now / rate.windowMs);
    return { rate, window, key: keys.rate(rule, subject, String(window)) };
  });
}

const waitFor = (over: Window[], now: number) =>
  Math.max(...over.map((w) => (w.window + 1) * w.rate.windowMs - now));

const refusal = (rule: RuleName, wait: number) =>
  new DomainError(
    "rate_limited",
    "rate_limited",
    `${WORDS[rule]}. ${wait < 60_000 ? "Wait a moment and try again." : "Try again later."}`,
    wait,
  );

/**
 * Adds one to each window's count, in one read and one commit; when one is over its
 * limit, nothing is added and the wait until its window turns is returned (else 0).
 */
async function count({ kv, clock, config }: Services, windows: Window[]) {
  const now = clock.now();
  return await atomically("counting requests", async () => {
    const entries = await kv.getMany<number[]>(windows.map((w) => w.key));
    const over = windows.filter((w, i) => (entries[i]!.value ?? 0) >= w.rate.max * config.rateLimitScale);
    if (over.length) return waitFor(over, now);
    const op = kv.atomic();
    windows.forEach((w, i) =>
      op.check(entries[i]!).set(w.key, (entries[i]!.value ?? 0) + 1, { expireIn: w.rate.windowMs * 2 })
    );
    return (await op.commit()).ok ? 0 : RETRY;
  });
}

/** Counts kept in memory, per store (so apps in one process, as in tests, count apart). */
const countsIn = perStore(() => new Map<string, { count: number; until: number }>());
/**
 * Past this many counters, those whose window is over go; past a tenth less still, the
 * oldest: a sweep then frees room for many more, so a flood of new addresses does not
 * sweep on every request.
 */
const MAX_HERE = 50_000;
const AFTER_SWEEP = MAX_HERE * 0.9;

function countsHere(kv: Deno.Kv, now: number): Map<string, { count: number; until: number }> {
  const counts = countsIn(kv);
  if (counts.size > MAX_HERE) {
    for (const [key, { until }] of counts) if (until <= now) counts.delete(key);
    for (const key of counts.keys()) if (counts.size > AFTER_SWEEP) counts.delete(key);
  }
  return counts;
}
