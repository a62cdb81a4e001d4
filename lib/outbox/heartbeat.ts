// A quiet room hears nothing, so a viewer who missed the last message would not know: every
// few seconds each live room is told the last `seq` it was given. A viewer behind it fetches
// what it holds again. Not queued: a heartbeat is stale a moment later.
import { message } from "@/lib/contract/messages.ts";
import { lastSeq } from "./queue.ts";
import type { RoomService } from "@/lib/livekit/room_service.ts";

export async function heartbeat(kv: Deno.Kv, rooms: RoomService, streamIds: string[]): Promise<void> {
  for (const streamId of streamIds) {
    const seq = await lastSeq(kv, streamId);
    if (seq) await rooms.send(streamId, { ...message("tick", {}), seq });
  }
}
