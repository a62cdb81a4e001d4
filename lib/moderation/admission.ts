// The shop's rules where they bite, for the other capabilities to call: whether the asker
// may chat (role, ban, timeout, a guest's name, links, blocked words, slow mode), react,
// like, report or buy (ban), or get a token to watch (ban, viewer cap, an address's share
// of it: ./seats.ts) and join with it (the cap and the share again, as the join is counted).
// The host and moderators pass every rule but the rate limit.
import { getViewerCount, isWatching, type Seats } from "@/lib/audience/viewers.ts";
import type { ChatRole } from "@/lib/contract/messages.ts";
import type { Moderator, WatchModeration } from "@/lib/contract/views.ts";
import type { Actor } from "@/lib/core/actor.ts";
import { conflict, DomainError, forbidden } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { spend } from "@/lib/limits/limiter.ts";
import { getStream, type Stream } from "@/lib/streams/store.ts";
import { getChatRules } from "./chat_rules.ts";
import { listModerators } from "./moderators.ts";
import { isProtected, roleOf } from "./roles.ts";
import { standingOf } from "./sanctions.ts";
import { seatsPerAddress, takeSeat } from "./seats.ts";
import { takeTurn } from "./slow_mode.ts";
import { checkText, ruleBroken, sameName } from "./text_rules.ts";

const banned = () => forbidden("banned", "You were banned from this shop's streams.");

/** Refuses the banned (403) and, with `until`, the timed out. */
async function checkStanding({ kv, clock }: Services, actor: Actor, stream: Stream): Promise<void> {
  const standing = await standingOf(kv, stream.sellerId, actor, clock.now());
  if (standing.banned) throw banned();
  if (standing.until) {
    throw new DomainError("forbidden", "timed_out", "A moderator timed you out.", undefined, standing.until);
  }
}

/** Whose name here `name` is, the host's or a moderator's, however written alike: why none else may use it. */
function takenName(
  name: string,
  stream: Stream,
  moderators: Moderator[],
): [code: string, why: string] | null {
  if (sameName(name, stream.sellerName)) return ["host_name", `${stream.sellerName} is the host's name here`];
  const moderator = moderators.find((m) => sameName(name, m.name));
  return moderator ? ["moderator_name", `${moderator.name} is a moderator's name here`] : null;
}

const PICK_ANOTHER = ". Pick another name to chat.";

/**
 * Refuses (409) a guest's new name the stream's chat would refuse them under, the host's or
 * a moderator's, in the words the chat says: saved, it would only be refused at each message.
 */
export async function admitGuestName(kv: Deno.Kv, name: string, streamId: string): Promise<void> {
  const stream = await getStream(kv, streamId);
  if (!stream) return;
  const taken = takenName(name, stream, await listModerators(kv, stream.sellerId));
  if (taken) throw conflict(taken[0], taken[1] + PICK_ANOTHER);
}

/** May the asker post `text`? Their role in the chat when they may; a refusal (4xx) when not. */
export async function admitChat(
  services: Services,
  actor: Actor,
  stream: Stream,
  text: string,
): Promise<ChatRole> {
  const { kv, clock } = services;
  const role = await roleOf(kv, actor, stream.sellerId);
  await spend(services, "chat", actor);
  if (role !== "viewer") return role;
  // Read together: one wait, not three, on a remote KV.
  const [, rules, moderators] = await Promise.all([
    checkStanding(services, actor, stream),
    getChatRules(kv, stream.sellerId),
    listModerators(kv, stream.sellerId),
  ]);
  // Nobody but the host and the moderators chats under their names ("Linen & Co" saying
  // "pay me here"), and a name keeps the rules a message does. A guest picks another; a
  // seller's account has one name for all shops.
  const then = actor.sellerId
    ? ": sellers chat under their account's name, so you cannot chat in this shop."
    : PICK_ANOTHER;
  const refuse = (code: string, why: string) => conflict(code, why + then);
  const taken = takenName(actor.name, stream, moderators);
  if (taken) throw refuse(...taken);
  // Said, so a guest whose name only looks like a link can mend it ("omg...cheapbags.com").
  const broken = ruleBroken(actor.name, rules);
  if (broken) {
    throw refuse("name_not_allowed", `Your name breaks this chat's rules. ${broken.message.slice(0, -1)}`);
  }
  checkText(text, rules);
  if (rules.slowModeSeconds) {
    const wait = await takeTurn(kv, stream.id, actor.identity, rules.slowModeSeconds * 1000, clock.now());
    if (wait > 0) {
      const every = `Slow mode is on: one message every ${rules.slowModeSeconds} seconds.`;
      throw new DomainError("rate_limited", "slow_mode", every, wait);
    }
  }
  return role;
}

/** Refuses the banned (403): for what anyone watching may do besides chat and react (like, report, buy). */
export async function refuseBanned({ kv, clock }: Services, actor: Actor, stream: Stream): Promise<void> {
  if (actor.sellerId === stream.sellerId) return;
  if ((await standingOf(kv, stream.sellerId, actor, clock.now())).banned) throw banned();
}

/** May the asker react? Not while banned or timed out. */
export async function admitReaction(services: Services, actor: Actor, stream: Stream): Promise<void> {
  if (actor.sellerId !== stream.sellerId) await checkStanding(services, actor, stream);
}

/**
 * The asker's role, why they may not watch (banned from the shop, or the stream is full)
 * if they may not, and until when they may not chat if timed out.
 */
export interface Admission extends Omit<WatchModeration, "pinned"> {
  /** The shop's viewer cap (0: none), for the seat a ticket takes (admitSeat). */
  viewerCap: number;
}

export async function admissionOf(
  services: Services,
  actor: Actor,
  stream: Stream,
): Promise<Admission> {
  const { kv, clock } = services;
  // Asked for together, so a page reading through batchedReads() reads them in one go.
  const [role, standing, { viewerCap }] = await Promise.all([
    roleOf(kv, actor, stream.sellerId),
    standingOf(kv, stream.sellerId, actor, clock.now()),
    getChatRules(kv, stream.sellerId),
  ]);
  const admitted = { role, refusal: null, timedOutUntil: null, viewerCap };
  if (role !== "viewer") return admitted;
  if (standing.banned) return { ...admitted, refusal: "banned" };
  const free = { ...admitted, timedOutUntil: standing.until };
  if (!viewerCap || stream.status === "ended") return free;
  // Someone already in (another tab, a reload) keeps their place.
  const inside = actor.identity && await isWatching(kv, stream.id, actor.identity);
  const full = !inside && (await getViewerCount(kv, stream.id)).current >= viewerCap;
  return full ? { ...free, refusal: "full" } : free;
}

const full = () => conflict("stream_full", "This stream is full. Try again in a little while.");

/** Refuses a token to watch to the banned (403) and, past the shop's viewer cap, to newcomers (409). */
export async function admitViewer(services: Services, actor: Actor, stream: Stream): Promise<void> {
  const admission = await admissionOf(services, actor, stream);
  if (admission.refusal === "banned") throw banned();
  if (admission.refusal === "full") throw full();
  await admitSeat(services, actor, stream, admission);
}

/**
 * Gives the viewer a seat of a capped stream, as their ticket is made, unless their address
 * has its share of the cap (./seats.ts): to them the stream is full (409).
 */
export async function admitSeat(
  { kv, clock }: Services,
  actor: Actor,
  stream: Stream,
  { role, viewerCap }: Pick<Admission, "role" | "viewerCap">,
): Promise<void> {
  if (!viewerCap || role !== "viewer") return;
  const who = { person: actor.identity, address: actor.address };
  if (!await takeSeat(kv, stream.id, viewerCap, who, clock.now())) throw full();
}

/**
 * What a person joining the stream's room must find a seat within: the shop's viewer cap
 * (0: none) and their address's share of it; null for the host and moderators, who are
 * never turned away and take no address's seats. A ticket can be used after the room
 * filled (it was given a moment before), and LiveKit lets in whoever holds one: the join
 * is where both are checked last.
 */
export async function seatsFor(kv: Deno.Kv, stream: Stream, person: string): Promise<Seats | null> {
  const [{ viewerCap }, exempt] = await Promise.all([
    getChatRules(kv, stream.sellerId),
    isProtected(kv, stream.sellerId, person),
  ]);
  return exempt ? null : { cap: viewerCap, share: seatsPerAddress(viewerCap) };
}
