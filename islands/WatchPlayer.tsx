// The viewer's player: waits while the seller is offline, plays as soon as they publish,
// offers "tap to unmute" when the browser blocks audio, and shows when the stream ends.
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { RoomEvent, Track } from "livekit-client";
import { ApiError, messageOf } from "../lib/client/api.ts";
import { liveRoom, roomPhase as phase } from "../lib/client/live_room.ts";
import { connectToStream, type Phase } from "../lib/client/stream_room.ts";

export interface WatchPlayerProps {
  streamId: string;
  status: "created" | "live" | "ended";
}

type View = Exclude<Phase, "live" | "idle"> | "waiting" | "playing";

const BANNERS: Record<View, string> = {
  connecting: "Connecting…",
  waiting: "The seller is offline. The stream starts here as soon as they go live.",
  playing: "",
  reconnecting: "Connection lost. Reconnecting…",
  offline: "You were disconnected.",
  ended: "This stream has ended. Thanks for watching!",
  error: "",
};

export default function WatchPlayer({ streamId, status }: WatchPlayerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const audio = useRef<HTMLAudioElement>(null);
  const hasVideo = useSignal(false);
  const audioBlocked = useSignal(false);
  const notice = useSignal("");
  const play = useRef<() => Promise<void>>(async () => {});

  useEffect(() => {
    if (status === "ended") return;
    const live = liveRoom();
    const room = live.room;
    room
      .on(RoomEvent.TrackSubscribed, (track) => {
        if (track.kind === Track.Kind.Video && video.current) {
          track.attach(video.current);
          hasVideo.value = true;
        } else if (track.kind === Track.Kind.Audio && audio.current) {
          track.attach(audio.current);
        }
      })
      .on(RoomEvent.TrackUnsubscribed, (track) => {
        track.detach();
        if (track.kind === Track.Kind.Video) hasVideo.value = false;
      })
      .on(RoomEvent.AudioPlaybackStatusChanged, () => audioBlocked.value = !room.canPlaybackAudio);
    const unsubscribe = live.on("status", (message) => {
      if (message.status !== "ended") return;
      phase.value = "ended";
      void room.disconnect();
    });
    play.current = () => room.startAudio();
    connectToStream(room, streamId)
      .then(() => {
        phase.value = "live";
        audioBlocked.value = !room.canPlaybackAudio;
      })
      .catch((error) => {
        if (phase.value === "ended") return;
        phase.value = error instanceof ApiError && error.code === "stream_ended" ? "ended" : "error";
        notice.value = messageOf(error);
      });
    return () => {
      unsubscribe();
      void room.disconnect();
    };
  }, []);

  const view: View = status === "ended"
    ? "ended"
    : phase.value === "live"
    ? (hasVideo.value ? "playing" : "waiting")
    : phase.value === "idle"
    ? "connecting"
    : phase.value;
  const banner = view === "error" ? notice.value : BANNERS[view];
  return (
    <section class="player" data-phase={view}>
      <div class="stage">
        <video ref={video} autoplay muted playsInline aria-label="Live video" />
        <audio ref={audio} autoplay />
        {banner && <p class={`banner banner-${view}`} role="status">{banner}</p>}
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
            onClick={() => play.current()}
          >
            🔇 Tap to unmute
          </button>
        )}
      </div>
    </section>
  );
}
