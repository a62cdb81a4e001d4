// A shop's moderation settings, by its seller: the chat rules of all its streams, the
// moderators it names (other sellers, by email, who may step down), and lifting bans and
// timeouts (moderators may too; the person lifted hears of it in the stream the shop is
// live with).
// Each change is stored with its log entry in one commit, with the news for the seller's
// studio when they are live.
import { getSellerByEmail } from "@/lib/auth/seller_store.ts";
import { MAX_MODERATORS } from "@/lib/contract/limits.ts";
import type { Ban, ChatRules, ModerationEntry, Moderator, TimeOut } from "@/lib/contract/views.ts";
import { type Actor, requireSeller } from "@/lib/core/actor.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { conflict, DomainError, invalid, notFound } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { keys } from "@/lib/kv/keys.ts";
import type { News } from "@/lib/outbox/queue.ts";
import { sellerIdentity } from "@/lib/livekit/names.ts";
import { spend } from "@/lib/limits/limiter.ts";
import { describeRules, getChatRules } from "./chat_rules.ts";
import type { RulesInput } from "./inputs.ts";
import { commitLogged, commitLoggedIf, logEntry } from "./log.ts";
import { dropModerator, listModerators, nameModerator } from "./moderators.ts";
import { requireModerator, requireShopOwner } from "./roles.ts";
import { liftBan, liftTimeout, sanctionsOf } from "./sanctions.ts";
import { roleNews, standingNews } from "./tell.ts";
import { liveStreamIdOf } from "@/lib/streams/store.ts";

async function asOwner(services: Services, actor: Actor, shopId: string): Promise<void> {
  requireShopOwner(actor, shopId);
  await spend(services, "seller", actor);
}

/** The shop's log, told to the studio of the stream the shop is live with, if any. */
const shopPlace = async (kv: Deno.Kv, shopId: string, news?: News[]) => ({
  shopId,
  streamId: await liveStreamIdOf(kv, shopId),
  news,
});

/** Stores a change with its log entry, and the seller's studio hears of it. */
async function record(
  { kv }: Services,
  shopId: string,
  entry: ModerationEntry,
  change: (op: Deno.AtomicOperation) => Deno.AtomicOperation,
): Promise<void> {
  await commitLogged(kv, await shopPlace(kv, shopId), entry, change);
}

export async function rules({ kv }: Services, actor: Actor, shopId: string): Promise<ChatRules> {
  requireShopOwner(actor, shopId);
  return await getChatRules(kv, shopId);
}

export async function setRules(
  services: Services,
  actor: Actor,
  shopId: string,
  rules: RulesInput,
): Promise<ChatRules> {
  await asOwner(services, actor, shopId);
  const entry = logEntry(actor.name, "rules", services.clock.now(), { detail: describeRules(rules) });
  await record(services, shopId, entry, (op) => op.set(keys.chatRules(shopId), rules));
  return rules;
}

export async function moderators({ kv }: Services, actor: Actor, shopId: string): Promise<Moderator[]> {
  requireShopOwner(actor, shopId);
  return await listModerators(kv, shopId);
}

/** Names another seller (by their account's email) a moderator of the shop. */
export async function addModerator(
  services: Services,
  actor: Actor,
  shopId: string,
  email: string,
): Promise<Moderator> {
  const { kv, clock } = services;
  requireShopOwner(actor, shopId);
  await spend(services, "moderator", actor);
  const seller = await getSellerByEmail(kv, email);
  if (!seller) {
    throw notFound("seller_not_found", "No seller account uses this email. Ask them to sign up first.");
  }
  if (seller.id === shopId) throw invalid("own_shop", "You are the host already: name another seller");
  // A moderator can't be banned or timed out; a seller who is isn't made one while that stands
  // (checked again in the commit, against a sanction made meanwhile).
  const now = clock.now();
  const sanctions = await sanctionsOf(kv, shopId, sellerIdentity(seller.id), now);
  if (sanctions.banned) {
    throw conflict("banned", `${seller.name} is banned from your shop: lift the ban first`);
  }
  if (sanctions.timedOut) {
    throw conflict("timed_out", `${seller.name} is timed out in your chat: lift the timeout first`);
  }
  const current = await listModerators(kv, shopId);
  const known = current.find((m) => m.sellerId === seller.id);
  if (known) return known;
  if (current.length >= MAX_MODERATORS) {
    throw conflict("too_many_moderators", `A shop has at most ${MAX_MODERATORS} moderators`);
  }
  const moderator = { sellerId: seller.id, name: seller.name, email: seller.email, addedAt: isoAt(now) };
  const entry = logEntry(actor.name, "moderator_added", now, { target: seller.name });
  // Watching the shop's live stream, they get their tools at once.
  const place = await shopPlace(kv, shopId, [roleNews(sellerIdentity(seller.id), "moderator")]);
  const named = await commitLoggedIf(
    kv,
    place,
    entry,
    (op) => nameModerator(op.check(...sanctions.read), shopId, moderator),
  );
  if (!named) {
    throw conflict("sanctioned", `${seller.name} was just banned or timed out in your chat: lift that first`);
  }
  return moderator;
}

/** The shop's seller takes one of their moderators off, or a moderator steps down themself. */
export async function removeModerator(services: Services, actor: Actor, shopId: string, sellerId: string) {
  const { kv, clock } = services;
  const self = actor.sellerId === sellerId;
  if (self) await spend(services, "seller", actor);
  else await asOwner(services, actor, shopId);
  const moderator = (await kv.get<Moderator>(keys.moderator(shopId, sellerId))).value;
  if (!moderator) {
    throw notFound(
      "moderator_not_found",
      self ? "You are not one of this shop's moderators" : "This seller is not one of your moderators",
    );
  }
  const entry = logEntry(actor.name, "moderator_removed", clock.now(), {
    target: moderator.name,
    detail: self ? "stepped down" : undefined,
  });
  // Watching the shop's live stream, they lose their tools at once.
  const place = await shopPlace(kv, shopId, [roleNews(sellerIdentity(sellerId), "viewer")]);
  await commitLogged(kv, place, entry, (op) => dropModerator(op, shopId, sellerId));
}

/**
 * A moderator steps down from their studio home's form: once; a repeat (a double tap, a
 * second tab) finds them gone already and changes nothing, rather than refusing.
 */
export async function stepDown(services: Services, actor: Actor, shopId: string): Promise<void> {
  try {
    await removeModerator(services, actor, shopId, requireSeller(actor));
  } catch (error) {
    if (!(error instanceof DomainError && error.code === "moderator_not_found")) throw error;
  }
}

/** Lifts a ban: they may watch and chat in the shop's streams again. */
export async function unban(services: Services, actor: Actor, shopId: string, person: string): Promise<Ban> {
  const { kv, clock } = services;
  await requireModerator(kv, actor, shopId);
  await spend(services, "seller", actor);
  let entry: ModerationEntry | undefined;
  const lifted = await liftBan(
    kv,
    await shopPlace(kv, shopId),
    person,
    (ban) => entry = logEntry(actor.name, "unban", clock.now(), { target: ban.name }),
  );
  if (!lifted || !entry) throw notFound("ban_not_found", "This person is not banned");
  return lifted;
}

/** Lifts a timeout before it ends: they may chat and react in the shop's streams again. */
export async function liftTimeoutOf(
  services: Services,
  actor: Actor,
  shopId: string,
  person: string,
): Promise<TimeOut> {
  const { kv, clock } = services;
  await requireModerator(kv, actor, shopId);
  await spend(services, "seller", actor);
  const place = { ...await shopPlace(kv, shopId), news: [standingNews(person, null)] };
  const now = clock.now();
  const lifted = await liftTimeout(
    kv,
    place,
    person,
    now,
    (timeout) => logEntry(actor.name, "untimeout", now, { target: timeout.name }),
  );
  if (!lifted) throw notFound("timeout_not_found", "This person is not timed out");
  return lifted;
}
