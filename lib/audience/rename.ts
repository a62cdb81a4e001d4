// A guest renamed while watching: the seller's "Who's watching" says the new name. LiveKit
// is told too, since the viewer count's repair reads names from its room every minute and
// would otherwise bring the old one back.
import type { Services } from "@/lib/core/services.ts";
import { connectionsOf } from "@/lib/livekit/room_service.ts";
import { renameViewer } from "./viewers.ts";

/** Renames the person's connections to the stream's room, and their entry among its viewers. */
export async function renameWatching(services: Services, streamId: string, person: string, name: string) {
  const identities = await connectionsOf(services.rooms, streamId, person);
  if (!identities.length) return;
  await services.rooms.rename(streamId, identities, name);
  await renameViewer(services.kv, streamId, person, name);
}
