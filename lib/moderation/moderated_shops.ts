// The shops a seller moderates, for their studio home: each by name, with the streams a
// moderator would open (live first, then those not live yet, then the last ended). Any
// shop may name anyone, so the list is capped, as is each shop's, and a moderator may step
// down (lib/moderation/shop_actions.ts).
import { getSeller, type Seller } from "@/lib/auth/seller_store.ts";
import { type Actor, requireSeller } from "@/lib/core/actor.ts";
import type { Services } from "@/lib/core/services.ts";
import { getAll } from "@/lib/kv/get_all.ts";
import { keys } from "@/lib/kv/keys.ts";
import { getStream, listSellerStreams, liveStreamIdOf, type Stream } from "@/lib/streams/store.ts";
import { leftLately, shopsModeratedBy } from "./moderators.ts";

/** Shops the studio home lists at most, and streams of each. */
export const MAX_SHOPS_SHOWN = 10;
const STREAMS_PER_SHOP = 5;
/**
 * Shops read from the seller's index to find the live ones among them: strangers' shops
 * that named them come before a live one in key order. One read per ten; a live shop past
 * this many may go unseen (it takes that many accounts to hide it).
 */
const SHOPS_READ = 100;

export interface ModeratedShop {
  id: string;
  name: string;
  streams: Stream[];
}

export interface ModeratedShops {
  shops: ModeratedShop[];
  /** The seller moderates more shops than are shown. */
  more: boolean;
}

export async function moderatedShops({ kv }: Services, actor: Actor): Promise<ModeratedShops> {
  const ids = await shopsModeratedBy(kv, requireSeller(actor), SHOPS_READ);
  const live = await getAll<string>(kv, ids.map((id) => keys.liveStreamOf(id)));
  const isLiveAt = (i: number) => live[i]!.value !== null;
  const first = [...ids.filter((_, i) => isLiveAt(i)), ...ids.filter((_, i) => !isLiveAt(i))];
  const sellers = await getAll<Seller>(kv, first.slice(0, MAX_SHOPS_SHOWN).map((id) => keys.seller(id)));
  // A shop whose account is being deleted is gone already: its record goes first.
  const shops = await Promise.all(
    sellers.flatMap(({ value }) => value ? [value] : []).map(async ({ id, name }) => ({
      id,
      name,
      streams: await streamsToModerate(kv, id),
    })),
  );
  return { shops: shops.sort(byLiveThenName), more: ids.length > MAX_SHOPS_SHOWN };
}

const ORDER = { live: 0, created: 1, ended: 2 };

/** The shop's newest streams, and the one it is live with however old, live first. */
async function streamsToModerate(kv: Deno.Kv, shopId: string): Promise<Stream[]> {
  const [recent, liveId] = await Promise.all([
    listSellerStreams(kv, shopId, STREAMS_PER_SHOP),
    liveStreamIdOf(kv, shopId),
  ]);
  const older = liveId && !recent.some((s) => s.id === liveId) ? await getStream(kv, liveId) : null;
  return [...(older ? [older] : []), ...recent].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
}

const isLive = (shop: ModeratedShop) => shop.streams[0]?.status === "live";

function byLiveThenName(a: ModeratedShop, b: ModeratedShop): number {
  return Number(isLive(b)) - Number(isLive(a)) || a.name.localeCompare(b.name);
}

/** The name of a shop the seller no longer moderates (just stepped down from), for their studio home to say so. */
export async function formerShopName({ kv }: Services, actor: Actor, shopId: string): Promise<string | null> {
  const [shop, left] = await Promise.all([
    getSeller(kv, shopId),
    leftLately(kv, shopId, requireSeller(actor)),
  ]);
  return shop && left ? shop.name : null;
}
