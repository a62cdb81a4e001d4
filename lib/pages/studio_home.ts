// The seller's studio home: their own streams, and the shops they moderate with theirs.
import type { Actor } from "@/lib/core/actor.ts";
import { allOf } from "@/lib/core/all_of.ts";
import type { Services } from "@/lib/core/services.ts";
import { formerShopName, type ModeratedShops, moderatedShops } from "@/lib/moderation/moderated_shops.ts";
import { listOwn } from "@/lib/streams/actions.ts";
import type { Stream } from "@/lib/streams/store.ts";

export interface StudioHomePage {
  streams: Stream[];
  moderating: ModeratedShops;
  /** The shop the seller just stepped down from (`?left=`), by name, when they no longer moderate it. */
  left: string | null;
}

export async function studioHomePage(
  services: Services,
  actor: Actor,
  left?: string,
): Promise<StudioHomePage> {
  return await allOf({
    streams: listOwn(services, actor),
    moderating: moderatedShops(services, actor),
    left: left ? formerShopName(services, actor, left) : null,
  });
}
