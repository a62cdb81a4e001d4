// Timeouts and bans in KV, per shop: each is kept under the person and, when known, under
// the browser session they used (lib/server/cookies.ts), so a new guest cookie from the
// same browser is held too. A timeout expires by itself; a ban holds until unbanned.
import type { Ban, ModerationEntry } from "@/lib/contract/views.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { keys } from "@/lib/kv/keys.ts";
import { type LogPlace, takeLogged, withLog } from "./log.ts";

/** Whom a sanction is for: a person, and the browser session they wrote from. */
export interface Offender {
  identity: string;
  browser: string | null;
}

interface StoredBan extends Ban {
  browser: string | null;
}

/** Banned, or not and maybe timed out until an ISO time. */
export type Standing = { banned: true } | { banned: false; until: string | null };

/** Where the asker stands in the shop now, by their identity and their browser session. */
export async function standingOf(
  kv: Deno.Kv,
  shopId: string,
  who: { identity: string; browser?: string },
  now: number,
): Promise<Standing> {
  const byBrowser = who.browser
    ? [keys.bannedBrowser(shopId, who.browser), keys.timedOutBrowser(shopId, who.browser)]
    : [];
  const [ban, timeout, ...browser] = await kv.getMany<unknown[]>([
    keys.ban(shopId, who.identity),
    keys.timeout(shopId, who.identity),
    ...byBrowser,
  ]);
  if (ban!.versionstamp || browser[0]?.versionstamp) return { banned: true };
  const until = [timeout, browser[1]].map((e) => e?.value as string | null | undefined)
    .filter((u): u is string => !!u && Date.parse(u) > now).sort().at(-1);
  return { banned: false, until: until ?? null };
}

/** Times the offender out of the shop's chats until `until` (ms). */
export async function timeOut(
  kv: Deno.Kv,
  place: LogPlace,
  offender: Offender,
  times: { now: number; until: number },
  entry: ModerationEntry,
): Promise<void> {
  const { shopId } = place;
  const value = isoAt(times.until);
  const expireIn = times.until - times.now;
  const op = kv.atomic().set(keys.timeout(shopId, offender.identity), value, { expireIn });
  if (offender.browser) op.set(keys.timedOutBrowser(shopId, offender.browser), value, { expireIn });
  await withLog(op, place, entry).commit();
}

/** Bans the offender from the shop's streams (a timeout gives way to it). */
export async function addBan(
  kv: Deno.Kv,
  place: LogPlace,
  ban: Ban & Offender,
  entry: ModerationEntry,
): Promise<void> {
  const { shopId } = place;
  const { identity: person, browser, name, by, at } = ban;
  const stored: StoredBan = { person, name, by, at, browser };
  const op = kv.atomic().set(keys.ban(shopId, person), stored).delete(keys.timeout(shopId, person));
  if (browser) {
    op.set(keys.bannedBrowser(shopId, browser), person).delete(keys.timedOutBrowser(shopId, browser));
  }
  await withLog(op, place, entry).commit();
}

/** Lifts a ban (and its browser's, unless another ban holds that browser now); null when none. */
export async function liftBan(
  kv: Deno.Kv,
  place: LogPlace,
  person: string,
  entryFor: (ban: Ban) => ModerationEntry,
): Promise<Ban | null> {
  const { shopId } = place;
  const lifted = await takeLogged<StoredBan>(
    kv,
    place,
    keys.ban(shopId, person),
    entryFor,
    async (op, ban) => {
      if (!ban.browser) return;
      const browser = await kv.get<string>(keys.bannedBrowser(shopId, ban.browser));
      op.check(browser);
      if (browser.value === person) op.delete(keys.bannedBrowser(shopId, ban.browser));
    },
  );
  return lifted && withoutBrowser(lifted);
}

const withoutBrowser = ({ browser: _, ...ban }: StoredBan): Ban => ban;

/** The shop's bans, newest first. */
export async function listBans(kv: Deno.Kv, shopId: string): Promise<Ban[]> {
  const bans: Ban[] = [];
  for await (const e of kv.list<StoredBan>({ prefix: keys.bansOf(shopId) })) {
    bans.push(withoutBrowser(e.value));
  }
  return bans.sort((a, b) => b.at.localeCompare(a.at));
}
