// A stream's studio page, for its seller: the audience, chat (with its pinned note),
// sales, the whole catalog to pin from, the showcase, moderation, and the analytics once
// the stream has ended, and its replay.
import { audienceOf } from "@/lib/audience/actions.ts";
import { getAnalytics, getReactionCounts } from "@/lib/analytics/store.ts";
import { listSellerProducts } from "@/lib/catalog/store.ts";
import { listChat } from "@/lib/chat/store.ts";
import { salesOf } from "@/lib/commerce/sales.ts";
import type { ChatMessage, ProductCard } from "@/lib/contract/messages.ts";
import type {
  Audience,
  Pinned,
  ReactionCounts,
  ReplayTake,
  Sales,
  Showcase,
  StreamAnalytics,
  StudioModeration,
} from "@/lib/contract/views.ts";
import type { Actor } from "@/lib/core/actor.ts";
import { allOf } from "@/lib/core/all_of.ts";
import { isoAt } from "@/lib/core/clock.ts";
import type { Services } from "@/lib/core/services.ts";
import { getPinned } from "@/lib/moderation/pinned.ts";
import { isRecorded, replayOf } from "@/lib/replays/actions.ts";
import { studioModeration } from "@/lib/moderation/view.ts";
import { cardOf, showcaseOf } from "@/lib/showcase/view.ts";
import { studioStream } from "./studio_access.ts";
import type { Stream } from "@/lib/streams/store.ts";

export interface StudioPage {
  stream: Stream;
  chat: ChatMessage[];
  audience: Audience;
  sales: Sales;
  /** The seller's whole catalog, to pin from. */
  catalog: ProductCard[];
  showcase: Showcase;
  /** Once the stream has ended. */
  analytics: StreamAnalytics | null;
  /** The reactions sent so far, by emoji. */
  reactions: ReactionCounts;
  pinned: Pinned;
  moderation: StudioModeration;
  /** The stream's replay so far. */
  replay: ReplayTake[];
  /** Whether the seller chose to record it (it has takes): a resumed broadcast records again. */
  recording: boolean;
  /** When the sweep removes it (ISO) if it is never taken live; null once it has been. */
  draftRemovedAt: string | null;
}

export async function studioPage(
  services: Services,
  actor: Actor,
  streamId: string,
): Promise<StudioPage> {
  const { kv, clock, config } = services;
  const stream = await studioStream(kv, actor, streamId);
  const { products, ...page } = await allOf({
    chat: listChat(kv, stream.id),
    audience: audienceOf(kv, actor, stream),
    sales: salesOf(kv, stream.id),
    products: listSellerProducts(kv, stream.sellerId),
    showcase: showcaseOf(kv, stream, clock.now()),
    analytics: stream.status === "ended" ? getAnalytics(kv, stream.id) : null,
    reactions: getReactionCounts(kv, stream.id),
    pinned: getPinned(kv, stream.id),
    moderation: studioModeration(services, stream),
    replay: replayOf(services, stream).then((r) => r.takes),
    recording: isRecorded(services, stream),
  });
  return {
    stream,
    ...page,
    catalog: await Promise.all(products.map((p) => cardOf(kv, p))),
    draftRemovedAt: stream.status === "created"
      ? isoAt(Date.parse(stream.createdAt) + config.quotas.draftKeptMs)
      : null,
  };
}
