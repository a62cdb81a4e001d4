// The seller's studio: camera preview, device choice, go live, the live controls
// (microphone, camera, screen share), connection quality, and ending with a confirmation.
import { useRef } from "preact/hooks";
import { ConnectionQuality } from "livekit-client";
import { roomPhase as phase } from "@/lib/client/live_room.ts";
import type { Phase } from "@/lib/client/stream_room.ts";
import { useBroadcast } from "@/lib/client/use_broadcast.ts";
import { useLocalMedia } from "@/lib/client/use_local_media.ts";
import { BroadcastControls } from "@/components/BroadcastControls.tsx";

export interface StudioProps {
  streamId: string;
  status: "created" | "live" | "ended";
  watchUrl: string;
}

const LABELS: Record<Phase, string> = {
  idle: "Preview · not live",
  connecting: "Connecting…",
  live: "● Live",
  reconnecting: "Reconnecting…",
  offline: "Disconnected",
  ended: "Stream ended",
  error: "Not live",
};

const QUALITY: Record<ConnectionQuality, string> = {
  [ConnectionQuality.Excellent]: "Connection: excellent",
  [ConnectionQuality.Good]: "Connection: good",
  [ConnectionQuality.Poor]: "Connection: poor — viewers may see lower quality",
  [ConnectionQuality.Lost]: "Connection: lost",
  [ConnectionQuality.Unknown]: "Connection: checking…",
};

export default function Studio({ streamId, status, watchUrl }: StudioProps) {
  const preview = useRef<HTMLVideoElement>(null);
  const media = useLocalMedia(preview);
  const cast = useBroadcast(streamId, media);

  // An ended stream shows as ended from the first render, on the server too.
  const current: Phase = status === "ended" ? "ended" : phase.value;
  const onAir = current === "live" || current === "reconnecting";
  const canGoLive = ["idle", "offline", "error"].includes(current) && !!media.video.value;
  const goLiveLabel = !canGoLive
    ? null
    : current !== "idle"
    ? "Go live again"
    : status === "live"
    ? "Resume broadcast"
    : "Go live";
  return (
    <section class="studio" data-phase={current}>
      <div class="stage">
        <video ref={preview} autoplay muted playsInline aria-label="Your camera preview" />
        <span class={`badge badge-${current}`} role="status">{LABELS[current]}</span>
        {!cast.cameraOn.value && <p class="banner banner-camera-off">Your camera is off</p>}
      </div>
      {media.error.value && <p class="notice error">{media.error.value}</p>}
      {cast.notice.value && <p class="notice error" role="alert">{cast.notice.value}</p>}
      {onAir && (
        <p class={`connection-quality quality-${cast.quality.value}`} data-quality={cast.quality.value}>
          {QUALITY[cast.quality.value]}
        </p>
      )}
      {current !== "ended" && (
        <BroadcastControls media={media} cast={cast} onAir={onAir} goLiveLabel={goLiveLabel} />
      )}
      <p class="share">
        Watch link: <a href={watchUrl} target="_blank" rel="noopener">{watchUrl}</a>
      </p>
    </section>
  );
}
