// The viewer's side of the page's room: joins it (unless the stream has ended, or the
// viewer may not watch: banned, or the stream is full), follows the stream's status (the
// seller away, the end), notices when the browser blocks sound, and when the seller's
// ban removes this viewer. After a drop, the status is fetched again: it may have changed.
import { type Signal, useSignal, useSignalEffect } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { DisconnectReason, RoomEvent } from "livekit-client";
import type { PublicStream, WatchModeration } from "@/lib/contract/views.ts";
import { ApiError, getJson, messageOf } from "./api.ts";
import { liveRoom, roomPhase as phase } from "./live_room.ts";
import { useLiveState } from "./live_state.ts";

export interface ViewerRoom {
  /** Live, but the seller's connection dropped. */
  away: Signal<boolean>;
  audioBlocked: Signal<boolean>;
  /** Why joining failed, in plain words. */
  notice: Signal<string>;
  /** Why this viewer may not watch: banned (or just removed), or the stream is full. */
  refused: Signal<Refusal>;
}

export type Refusal = WatchModeration["refusal"];

const REFUSALS: Record<string, Refusal> = { banned: "banned", stream_full: "full" };

export function useViewerRoom(
  streamId: string,
  ended: boolean,
  sellerAway: boolean,
  refusal: Refusal,
): ViewerRoom {
  const { state: stream } = useLiveState({ ended, away: sellerAway }, {
    on: { status: (_, m) => ({ ended: m.status === "ended", away: m.status === "reconnecting" }) },
    refetch: async () => {
      const { stream } = await getJson<{ stream: PublicStream }>(
        `/api/streams/${encodeURIComponent(streamId)}`,
      );
      return { ended: stream.status === "ended", away: stream.sellerAway };
    },
  });
  const away = useSignal(sellerAway);
  const audioBlocked = useSignal(false);
  const notice = useSignal("");
  const refused = useSignal(refusal);

  useSignalEffect(() => {
    away.value = stream.value.away;
    if (!stream.value.ended || phase.value === "ended" || ended) return;
    phase.value = "ended";
    void liveRoom().room.disconnect();
  });

  useEffect(() => {
    if (ended || refusal) return;
    const { room } = liveRoom();
    room.on(RoomEvent.AudioPlaybackStatusChanged, () => audioBlocked.value = !room.canPlaybackAudio);
    // Only a ban removes a viewer from the room.
    room.on(RoomEvent.Disconnected, (why) => {
      if (why === DisconnectReason.PARTICIPANT_REMOVED) refused.value = "banned";
    });
    liveRoom().join(streamId, "viewer")
      .then(() => audioBlocked.value = !room.canPlaybackAudio)
      .catch((error) => {
        if (phase.value === "ended") return;
        const code = error instanceof ApiError ? error.code : "";
        phase.value = code === "stream_ended" ? "ended" : "error";
        refused.value = REFUSALS[code] ?? null;
        notice.value = messageOf(error);
      });
    return () => void room.disconnect();
  }, []);
  return { away, audioBlocked, notice, refused };
}
