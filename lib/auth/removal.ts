// Deleting an account: the seller deletes it (their password asked again), or it goes by
// itself once nobody has signed in to it for ACCOUNT_IDLE_DAYS, so nothing a stranger
// creates is kept forever. Its record and email go in one commit (seller_store.ts), then
// all it held: streams (with their chat, sales records and replays), products and their
// images, the shop's moderation, its place among other shops' moderators, and its sessions.
import { removeCatalog } from "@/lib/catalog/actions.ts";
import { refuseOpenHolds } from "@/lib/commerce/actions.ts";
import { type Actor, requireSeller } from "@/lib/core/actor.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { conflict } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { deleteFamilies } from "@/lib/kv/delete_all.ts";
import { keys, perSeller } from "@/lib/kv/keys.ts";
import { sweepGone } from "@/lib/kv/gone.ts";
import { indexedBefore } from "@/lib/kv/time_index.ts";
import { spend } from "@/lib/limits/limiter.ts";
import { indexOldModerators, unnameAll } from "@/lib/moderation/moderators.ts";
import { removeStream } from "@/lib/streams/removal.ts";
import { listSellerStreams } from "@/lib/streams/store.ts";
import { confirmPassword } from "./accounts.ts";
import { deleteSeller, getSeller, indexOldAccounts } from "./seller_store.ts";
import { endSessions, indexOldSessions } from "./session_store.ts";

/**
 * Deletes the asker's account and all it holds, once their password says it is them. Not
 * while they are live, nor while buyers hold stock in any of their streams.
 */
export async function deleteAccount(services: Services, actor: Actor, password: string): Promise<void> {
  const sellerId = requireSeller(actor);
  await spend(services, "seller", actor);
  const { kv } = services;
  const seller = await getSeller(kv, sellerId);
  if (!seller) return; // deleted by a request sent alongside this one
  await confirmPassword(services, actor, seller, password, "password");
  const streams = await listSellerStreams(kv, sellerId);
  if (streams.some((s) => s.status === "live")) throw live();
  // Read before the holds are counted: a buyer reserving meanwhile stops the delete.
  const made = await kv.get(keys.holdsMadeOf(sellerId));
  for (const stream of streams) await refuseOpenHolds(services, stream);
  const deleted = await deleteSeller(kv, sellerId, services.clock.now(), made);
  if (deleted === "live") throw live();
  if (deleted === "changed") {
    throw conflict(
      "holds_open",
      "A buyer reserved in one of your streams just now: mark it paid or release it first",
    );
  }
  if (deleted === "deleted") await purge(services, sellerId);
}

const live = () => conflict("stream_live", "You are live: end your stream before deleting your account");

/**
 * Removes again what is left for accounts deleted in the last day (a removal cut short,
 * writes in flight as it happened), and removes accounts idle past keeping. Run every
 * hour, in any number of processes: each step is safe to repeat.
 */
export async function sweepAccounts(services: Services): Promise<void> {
  const { kv, clock, config } = services;
  // First, so a removal redone below finds the moderators and sessions it names, however old.
  await indexOldModerators(kv);
  await indexOldSessions(kv, clock.now());
  await sweepGone(kv, keys.goneSellers(), clock.now(), (sellerId) => purge(services, sellerId));
  await indexOldAccounts(kv, clock.now());
  const idle = await indexedBefore(kv, keys.accountsSeen(), isoAt(clock.now() - config.quotas.accountIdleMs));
  for (const key of idle) {
    const sellerId = String(key.at(-1));
    // One live now waits for the next sweep; an entry whose account is gone just leaves the index.
    const deleted = await deleteSeller(kv, sellerId, clock.now());
    if (deleted === "deleted") await purge(services, sellerId);
    if (deleted === "gone") await kv.delete(key);
  }
}

/**
 * Removes all a deleted account held. None of its streams is live: the deletion is refused
 * while one is, and going live checks the account's mark.
 */
async function purge(services: Services, sellerId: string): Promise<void> {
  const { kv } = services;
  for (const stream of await listSellerStreams(kv, sellerId)) {
    await removeStream(services, stream.id, (s) => s.status !== "live");
  }
  await removeCatalog(services, sellerId);
  await unnameAll(kv, sellerId);
  await endSessions(kv, sellerId);
  await deleteFamilies(kv, perSeller, sellerId);
}
