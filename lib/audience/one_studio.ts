// A stream is broadcast from one studio at a time. When the seller goes live again from a
// second tab or device, the newest connection takes over and the older ones are let go:
// two studios would publish two cameras, and each viewer would see either. A studio let go
// says so, and offers to take the broadcast back.
import type { RoomService } from "@/lib/livekit/room_service.ts";
import { connectionOf, sellerIdentity } from "@/lib/livekit/names.ts";
import type { RoomParticipant } from "@/lib/livekit/webhook.ts";
import type { Stream } from "@/lib/streams/store.ts";

/** A connection of the stream's seller: their studio, or their own watch page. */
export const isSeller = (stream: Stream, p: RoomParticipant): boolean =>
  connectionOf(p.identity).person === sellerIdentity(stream.sellerId);

/** A connection the seller broadcasts from. */
export const isStudio = (stream: Stream, p: RoomParticipant): boolean =>
  isSeller(stream, p) && connectionOf(p.identity).host;

/** Lets go every studio connection in `listed` but the one that joined last. */
export async function keepNewestStudio(rooms: RoomService, stream: Stream, listed: RoomParticipant[]) {
  const studios = listed.filter((p) => isStudio(stream, p))
    .sort((a, b) => (b.joinedAtMs ?? 0) - (a.joinedAtMs ?? 0));
  if (studios.length > 1) await rooms.remove(stream.id, studios.slice(1).map((p) => p.identity));
}
