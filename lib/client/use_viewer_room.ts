// The viewer's side of the page's room: joins it (unless the stream has ended, or the
// viewer may not watch: banned, or the stream is full), lets it go when the stream ends,
// notices when the browser blocks sound, and when the seller's ban (or a join past the
// stream's cap) removes this viewer.
// A viewer who cannot reach the live video (LiveKit) is told so, and the page keeps up
// without the room: it asks the server every little while, so it still learns of the end.
import { useSignal, useSignalEffect } from "@preact/signals";
import { useLayoutEffect } from "preact/hooks";
import { DisconnectReason, RoomEvent } from "livekit-client";
import type { JoinTicket, SellerPresence, StreamStatus, WatchModeration } from "@/lib/contract/views.ts";
import { ApiError, messageOf, postJson, streamApi } from "./api.ts";
import { liveRoom, roomPhase as phase } from "./live_room.ts";
import { removed, type StreamState, useStreamState } from "./stream_status.ts";

export interface ViewerRoom {
  stream: StreamState;
  audioBlocked: boolean;
  /** Why joining failed, in plain words. */
  notice: string;
  /** Why this viewer may not watch: banned (or just removed), or the stream is full. */
  refused: Refusal;
}

export type Refusal = WatchModeration["refusal"];

const REFUSALS: Record<string, Refusal> = { banned: "banned", stream_full: "full" };

/** Not the server's refusal but LiveKit out of reach (a firewall, a proxy): the room never opened. */
const NO_ROOM =
  "The live video can't be reached from here. Chat and products won't update live until it can.";
/** How often a page outside its room asks for what it missed: slowly, it is a fallback. */
const KEEP_UP_MS = 15_000;

export function useViewerRoom(
  streamId: string,
  status: StreamStatus,
  presence: SellerPresence,
  refusal: Refusal,
  page: { ticket: JoinTicket | null; seq: number },
): ViewerRoom {
  const stream = useStreamState(streamId, status, presence);
  const audioBlocked = useSignal(false);
  const notice = useSignal("");
  const refused = useSignal(refusal);
  const ended = status === "ended";

  useSignalEffect(() => {
    if (stream.status !== "ended" || phase.value === "ended" || ended) return;
    phase.value = "ended";
    void liveRoom().room.disconnect();
  });

  // Before the page's other islands wake: the connection is what the viewer waits for.
  useLayoutEffect(() => {
    if (ended || refusal) return;
    const { room } = liveRoom();
    room.on(RoomEvent.AudioPlaybackStatusChanged, () => audioBlocked.value = !room.canPlaybackAudio);
    // A ban removes a viewer from the room, and so does a join the stream had no seat for
    // (its ticket given as it filled): asked for another, the server says which.
    room.on(RoomEvent.Disconnected, async (why) => {
      if (why !== DisconnectReason.PARTICIPANT_REMOVED) return;
      const asked = postJson(`${streamApi(streamId)}/token`, { as: "viewer" });
      const code = await asked.catch((error) => error.code);
      refused.value = code === "banned" ? "banned" : "full";
      removed.value = true;
    });
    liveRoom().join(streamId, "viewer", page.ticket, page.seq)
      .then(() => audioBlocked.value = !room.canPlaybackAudio)
      .catch((error) => {
        if (phase.value === "ended") return;
        const code = error instanceof ApiError ? error.code : "";
        phase.value = code === "stream_ended" ? "ended" : "error";
        refused.value = REFUSALS[code] ?? null;
        notice.value = error instanceof ApiError ? messageOf(error) : NO_ROOM;
        if (phase.value !== "error" || refused.value) return;
        // Outside the room nothing is heard: the stream's end (then its replay), chat, the tray are asked for.
        setInterval(() => phase.value === "error" && !document.hidden && liveRoom().resync(), KEEP_UP_MS);
      });
    return () => void room.disconnect();
  }, []);
  return { stream, audioBlocked: audioBlocked.value, notice: notice.value, refused: refused.value };
}
