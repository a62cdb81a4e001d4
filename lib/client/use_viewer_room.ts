// The viewer's side of the page's room: joins it (unless the stream has ended), lets it go
// when the stream ends, and notices when the browser blocks sound.
import { useSignal, useSignalEffect } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { RoomEvent } from "livekit-client";
import type { SellerPresence, StreamStatus } from "@/lib/contract/views.ts";
import { ApiError, messageOf } from "./api.ts";
import { liveRoom, roomPhase as phase } from "./live_room.ts";
import { type StreamState, useStreamState } from "./stream_status.ts";

export interface ViewerRoom {
  stream: StreamState;
  audioBlocked: boolean;
  /** Why joining failed, in plain words. */
  notice: string;
}

export function useViewerRoom(streamId: string, status: StreamStatus, presence: SellerPresence): ViewerRoom {
  const stream = useStreamState(streamId, status, presence);
  const audioBlocked = useSignal(false);
  const notice = useSignal("");
  const ended = status === "ended";

  useSignalEffect(() => {
    if (!stream.ended || phase.value === "ended" || ended) return;
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
  return { stream, audioBlocked: audioBlocked.value, notice: notice.value };
}
