// Timeouts and bans in KV, per shop: each is kept under the person and, when known, under
// the browser session they used (lib/server/cookies.ts), so a new guest cookie from the
// same browser is held too. A timeout expires by itself unless lifted first; a ban holds
// until unbanned.
import type { Ban, ModerationEntry, TimeOut } from "@/lib/contract/views.ts";
import { keys } from "@/lib/kv/keys.ts";
import { sellerIdOf } from "@/lib/livekit/names.ts";
import { type LogPlace, takeLogged, withLog } from "./log.ts";
import { protectedPerson } from "./roles.ts";

/** Whom a sanction is for: a person, and the browser session they wrote from. */
export interface Offender {
  identity: string;
  browser: string | null;
}

interface StoredBan extends Ban {
  browser: string | null;
}

/** A timeout as kept under the person, with the browser session it holds too. */
type KeptTimeout = TimeOut & { browser: string | null };
/** Before lifting was possible, only its end (ISO) was kept. */
type StoredTimeout = KeptTimeout | string;

/** True for a timeout kept with whom it is about (not only its end), still running at `now`. */
const running = (stored: StoredTimeout | null, now: number): stored is KeptTimeout =>
  typeof stored === "object" && stored !== null && Date.parse(stored.until) > now;

const untilOf = (stored: StoredTimeout | null | undefined) =>
  typeof stored === "string" ? stored : stored?.until;

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
  const until = [timeout, browser[1]].map((e) => untilOf(e?.value as StoredTimeout | null))
    .filter((u): u is string => !!u && Date.parse(u) > now).sort().at(-1);
  return { banned: false, until: until ?? null };
}

/** The person's ban and timeout as read, for a change that must find them unchanged, and which holds at `now`. */
export async function sanctionsOf(kv: Deno.Kv, shopId: string, person: string, now: number) {
  const [ban, timeout] = await kv.getMany<[StoredBan, StoredTimeout]>([
    keys.ban(shopId, person),
    keys.timeout(shopId, person),
  ]);
  return { read: [ban, timeout], banned: ban.versionstamp !== null, timedOut: running(timeout.value, now) };
}

/** Times the offender out of the shop's chats until `timeout.until`. */
export async function timeOut(
  kv: Deno.Kv,
  place: LogPlace,
  offender: Offender,
  timeout: Omit<TimeOut, "person">,
  entry: ModerationEntry,
): Promise<void> {
  const { shopId } = place;
  const { identity: person, browser } = offender;
  const expireIn = Date.parse(timeout.until) - Date.parse(timeout.at);
  const stored: StoredTimeout = { ...timeout, person, browser };
  const op = unlessModerator(kv.atomic(), shopId, person).set(keys.timeout(shopId, person), stored, {
    expireIn,
  });
  if (browser) op.set(keys.timedOutBrowser(shopId, browser), timeout.until, { expireIn });
  if (!(await withLog(op, place, entry).commit()).ok) throw protectedPerson();
}

/** Checked in the commit: a seller named moderator as the sanction was made does not get it. */
function unlessModerator(op: Deno.AtomicOperation, shopId: string, person: string) {
  const seller = sellerIdOf(person);
  return seller ? op.check({ key: keys.moderator(shopId, seller), versionstamp: null }) : op;
}

/** Lifts a timeout running at `now` (and its browser's, unless a later one holds that browser); null when none. */
export async function liftTimeout(
  kv: Deno.Kv,
  place: LogPlace,
  person: string,
  now: number,
  entryFor: (timeout: TimeOut) => ModerationEntry,
): Promise<TimeOut | null> {
  const { shopId } = place;
  const lifted = await takeLogged<StoredTimeout>(
    kv,
    place,
    keys.timeout(shopId, person),
    (stored) => entryFor(stored as KeptTimeout),
    async (op, stored) => {
      const { browser: session, until } = stored as KeptTimeout;
      if (!session) return;
      const browser = await kv.get<string>(keys.timedOutBrowser(shopId, session));
      op.check(browser);
      if (browser.value === until) op.delete(browser.key);
    },
    // One that has ended (KV removes it a little later) is not lifted, nor logged.
    (stored) => running(stored, now),
  );
  return lifted === null ? null : withoutBrowser(lifted as KeptTimeout);
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
  const op = unlessModerator(kv.atomic(), shopId, person).set(keys.ban(shopId, person), stored)
    .delete(keys.timeout(shopId, person));
  if (browser) {
    op.set(keys.bannedBrowser(shopId, browser), person).delete(keys.timedOutBrowser(shopId, browser));
  }
  if (!(await withLog(op, place, entry).commit()).ok) throw protectedPerson();
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

const withoutBrowser = <T extends Ban>({ browser: _, ...kept }: T & { browser: string | null }): T =>
  kept as unknown as T;

/** The shop's bans, newest first. */
export async function listBans(kv: Deno.Kv, shopId: string): Promise<Ban[]> {
  const bans: Ban[] = [];
  for await (const e of kv.list<StoredBan>({ prefix: keys.bansOf(shopId) })) {
    bans.push(withoutBrowser(e.value));
  }
  return bans.sort((a, b) => b.at.localeCompare(a.at));
}

/** The shop's running timeouts at `now`, the first to end first. */
export async function listTimeouts(kv: Deno.Kv, shopId: string, now: number): Promise<TimeOut[]> {
  const timeouts: TimeOut[] = [];
  for await (const e of kv.list<StoredTimeout>({ prefix: keys.timeoutsOf(shopId) })) {
    if (running(e.value, now)) timeouts.push(withoutBrowser(e.value));
  }
  return timeouts.sort((a, b) => a.until.localeCompare(b.until));
}
