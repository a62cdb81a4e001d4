// The viewer's player: waits while the seller is offline, plays as soon as they publish,
// offers "tap to unmute" when the browser blocks audio, a quality choice and fullscreen,
// and shows when the seller's connection drops, when ours does, and when the stream ends.
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { RoomEvent } from "livekit-client";
import { ApiError, getJson, messageOf } from "../lib/client/api.ts";
import { liveRoom, roomPhase as phase } from "../lib/client/live_room.ts";
import type { Phase } from "../lib/client/stream_room.ts";
import { type Quality, useSellerMedia } from "../lib/client/use_seller_media.ts";

export interface WatchPlayerProps {
  streamId: string;
  status: "created" | "live" | "ended";
  sellerAway: boolean;
}

type View = Exclude<Phase, "live" | "idle"> | "waiting" | "away" | "playing";

const BANNERS: Record<View, string> = {
  connecting: "Connecting…",
  waiting: "The seller is offline. The stream starts here as soon as they go live.",
  away: "The seller's connection dropped. Waiting for them to come back…",
  playing: "",
  reconnecting: "Connection lost. Reconnecting…",
  offline: "You were disconnected.",
  ended: "This stream has ended. Thanks for watching!",
  error: "",
};

export default function WatchPlayer({ streamId, status, sellerAway }: WatchPlayerProps) {
  const stage = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLVideoElement>(null);
  const pip = useRef<HTMLVideoElement>(null);
  const audio = useRef<HTMLAudioElement>(null);
  const away = useSignal(sellerAway);
  const audioBlocked = useSignal(false);
  const notice = useSignal("");
  const media = useSellerMedia(() => status === "ended" ? null : liveRoom().room, { main, pip, audio });

  useEffect(() => {
    if (status === "ended") return;
    const live = liveRoom();
    const room = live.room;
    const end = () => {
      phase.value = "ended";
      void room.disconnect();
    };
    room.on(RoomEvent.AudioPlaybackStatusChanged, () => audioBlocked.value = !room.canPlaybackAudio);
    const offStatus = live.on(
      "status",
      (m) => m.status === "ended" ? end() : away.value = m.status === "reconnecting",
    );
    // After a drop, the status may have changed while we were gone.
    const offResync = live.onResync(async () => {
      const { stream } = await getJson<{ stream: { status: string; sellerAway?: boolean } }>(
        `/api/streams/${streamId}`,
      );
      if (stream.status === "ended") end();
      away.value = !!stream.sellerAway;
    });
    live.join(streamId)
      .then(() => audioBlocked.value = !room.canPlaybackAudio)
      .catch((error) => {
        if (phase.value === "ended") return;
        phase.value = error instanceof ApiError && error.code === "stream_ended" ? "ended" : "error";
        notice.value = messageOf(error);
      });
    return () => {
      offStatus();
      offResync();
      void room.disconnect();
    };
  }, []);

  const view = viewOf(status, phase.value, media.hasVideo.value, away.value);
  const banner = view === "error" ? notice.value : BANNERS[view];
  return (
    <section class="player" data-phase={view}>
      <div class="stage" ref={stage}>
        <video ref={main} class="main-video" autoplay muted playsInline aria-label="Live video" />
        <video ref={pip} class="pip-video" hidden={!media.hasPip.value} autoplay muted playsInline />
        <audio ref={audio} autoplay />
        {banner && <p class={`banner banner-${view}`} role="status">{banner}</p>}
        {view === "playing" && media.cameraMuted.value && !media.hasPip.value && (
          <p class="banner banner-camera-off" role="status">The seller turned their camera off.</p>
        )}
        {(view === "offline" || view === "error") && (
          <button
            type="button"
            class="primary overlay-button"
            onClick={() => location.reload()}
          >
            Try again
          </button>
        )}
        {view === "playing" && audioBlocked.value && (
          <button
            type="button"
            class="primary overlay-button"
            onClick={() => liveRoom().room.startAudio()}
          >
            🔇 Tap to unmute
          </button>
        )}
      </div>
      {view === "playing" && (
        <div class="player-bar">
          {media.micMuted.value && <span class="badge mic-muted">Seller's mic is off</span>}
          <label>
            Quality
            <select
              class="quality"
              value={media.quality.value}
              onChange={(e) => media.quality.value = e.currentTarget.value as Quality}
            >
              <option value="auto">Auto</option>
              <option value="high">High</option>
              <option value="medium">Medium</option>
              <option value="low">Low</option>
            </select>
          </label>
          <button type="button" class="fullscreen" onClick={() => stage.current?.requestFullscreen()}>
            ⛶ Fullscreen
          </button>
        </div>
      )}
    </section>
  );
}

function viewOf(status: WatchPlayerProps["status"], phase: Phase, hasVideo: boolean, away: boolean): View {
  if (status === "ended") return "ended";
  if (phase === "idle") return "connecting";
  if (phase !== "live") return phase;
  if (hasVideo) return "playing";
  return away ? "away" : "waiting";
}
