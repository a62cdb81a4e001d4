// The viewer's side of the page's room: joins it (unless the stream has ended), follows
// the stream's status (the seller away, the end), and notices when the browser blocks
// sound. After a drop, the status is fetched again: it may have changed meanwhile.
import { type Signal, useSignal, useSignalEffect } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { RoomEvent } from "livekit-client";
import type { PublicStream } from "@/lib/contract/views.ts";
import { ApiError, getJson, messageOf } from "./api.ts";
import { liveRoom, roomPhase as phase } from "./live_room.ts";
import { useLiveState } from "./live_state.ts";

export interface ViewerRoom {
  /** Live, but the seller's connection dropped. */
  away: Signal<boolean>;
  audioBlocked: Signal<boolean>;
  /** Why joining failed, in plain words. */
  notice: Signal<string>;
}

export function useViewerRoom(streamId: string, ended: boolean, sellerAway: boolean): ViewerRoom {
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

  useSignalEffect(() => {
    away.value = stream.value.away;
    if (!stream.value.ended || phase.value === "ended" || ended) return;
    phase.value = "ended";
    void liveRoom().room.disconnect();
  });

  useEffect(() => {
    if (ended) return;
    const { room } = liveRoom();
    room.on(RoomEvent.AudioPlaybackStatusChanged, () => audioBlocked.value = !room.canPlaybackAudio);
    liveRoom().join(streamId, "viewer")
      .then(() => audioBlocked.value = !room.canPlaybackAudio)
      .catch((error) => {
        if (phase.value === "ended") return;
        phase.value = error instanceof ApiError && error.code === "stream_ended" ? "ended" : "error";
        notice.value = messageOf(error);
      });
    return () => void room.disconnect();
  }, []);
  return { away, audioBlocked, notice };
}
