// A stream is broadcast from one studio at a time. When the seller goes live again from a
// second tab or device, that studio takes over once it publishes, and the studios that
// joined before it are let go: two would publish two cameras, and each viewer would see
// either. A connection that publishes nothing (a script with the seller's token) takes
// nothing over. A studio let go says so, and offers to take the broadcast back.
import type { RoomService } from "@/lib/livekit/room_service.ts";
import { connectionOf, isStudioOf, sellerIdentity } from "@/lib/livekit/names.ts";
import type { RoomParticipant } from "@/lib/livekit/webhook.ts";
import type { Stream } from "@/lib/streams/store.ts";

/** A connection of the stream's seller: their studio, or their own watch page. */
export const isSeller = (stream: Stream, p: RoomParticipant): boolean =>
  connectionOf(p.identity).person === sellerIdentity(stream.sellerId);

/** A connection the seller broadcasts from. */
export const isStudio = (stream: Stream, p: RoomParticipant): boolean =>
  isStudioOf(p.identity, stream.sellerId);

/** Lets go every studio in `listed` that joined before `broadcasting`, the one that publishes now. */
export async function letGoOlderStudios(
  rooms: RoomService,
  stream: Stream,
  listed: RoomParticipant[],
  broadcasting: RoomParticipant,
): Promise<void> {
  const joined = broadcasting.joinedAtMs ?? 0;
  const older = listed.filter((p) => isStudio(stream, p) && (p.joinedAtMs ?? 0) < joined);
  if (older.length) await rooms.remove(stream.id, older.map((p) => p.identity));
}

/** The studio that joined last of those that publish, if any. */
export const newestBroadcast = (stream: Stream, listed: RoomParticipant[]): RoomParticipant | undefined =>
  listed.filter((p) => isStudio(stream, p) && !!p.tracks?.length)
    .sort((a, b) => (b.joinedAtMs ?? 0) - (a.joinedAtMs ?? 0))[0];
