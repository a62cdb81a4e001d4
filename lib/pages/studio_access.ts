// Who may open a stream's studio: its seller. Anyone else is told what the page is; a
// moderator of the shop, where they moderate instead (the error page links there).
import type { Actor } from "@/lib/core/actor.ts";
import { requireSeller } from "@/lib/core/actor.ts";
import { forbidden } from "@/lib/core/errors.ts";
import { isModerator } from "@/lib/moderation/moderators.ts";
import { findStream } from "@/lib/streams/access.ts";
import type { Stream } from "@/lib/streams/store.ts";

/** The refusal's code for a moderator of the shop: the error page adds the watch page's link. */
export const MODERATOR_AT_STUDIO = "moderator_at_studio";

/** The stream, for the seller who created it. */
export async function studioStream(kv: Deno.Kv, actor: Actor, streamId: string): Promise<Stream> {
  const sellerId = requireSeller(actor);
  const stream = await findStream(kv, streamId);
  if (stream.sellerId === sellerId) return stream;
  if (await isModerator(kv, stream.sellerId, sellerId)) {
    throw forbidden(
      MODERATOR_AT_STUDIO,
      "This is the seller's studio. As a moderator of this shop you moderate from the stream's watch page.",
    );
  }
  throw forbidden("not_stream_owner", "Only the seller who created this stream can open its studio.");
}
