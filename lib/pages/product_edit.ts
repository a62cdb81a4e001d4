// A product's edit page: the product, and what deleting it would touch (a stream showing
// it, buyers holding it), so its delete question can say so.
import { ownView } from "@/lib/catalog/actions.ts";
import { holdersOf } from "@/lib/commerce/holds.ts";
import type { ProductView } from "@/lib/contract/views.ts";
import { type Actor, requireSeller } from "@/lib/core/actor.ts";
import type { Services } from "@/lib/core/services.ts";
import { showing } from "@/lib/showcase/actions.ts";
import { listSellerStreams } from "@/lib/streams/store.ts";

export interface ProductEditPage {
  product: ProductView;
  /** Pinned or highlighted in the seller's live stream, in one not live yet, or nowhere. */
  shown: "live" | "upcoming" | null;
  /** How many buyers hold it now, in any of the seller's streams. */
  holders: number;
}

export async function productEditPage(
  services: Services,
  actor: Actor,
  productId: string,
): Promise<ProductEditPage> {
  const { kv } = services;
  // Theirs, or a 404 before anything else is read.
  const product = await ownView(services, actor, productId);
  const sellerId = requireSeller(actor);
  // Listed once, for both questions.
  const streams = await listSellerStreams(kv, sellerId);
  const [shown, holders] = await Promise.all([
    showing(kv, streams, productId),
    holdersOf(kv, streams.map((s) => s.id), productId),
  ]);
  return { product, shown, holders };
}
