// The seller's studio: camera preview, device choice, go live, end the stream.
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { type Room, Track } from "livekit-client";
import { messageOf, postJson } from "../lib/client/api.ts";
import { liveRoom, roomPhase as phase } from "../lib/client/live_room.ts";
import { connectToStream, type Phase } from "../lib/client/stream_room.ts";
import { deviceIdOf, useLocalMedia } from "../lib/client/use_local_media.ts";
import { DeviceSelect } from "../components/DeviceSelect.tsx";

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

export default function Studio({ streamId, status, watchUrl }: StudioProps) {
  const preview = useRef<HTMLVideoElement>(null);
  const media = useLocalMedia(preview);
  const notice = useSignal("");
  const confirming = useSignal(false);
  const room = useRef<Room | null>(null);
  const api = `/api/streams/${encodeURIComponent(streamId)}`;

  useEffect(() => {
    const r = room.current = liveRoom().room;
    return () => void r.disconnect();
  }, []);

  async function goLive() {
    phase.value = "connecting";
    notice.value = "";
    try {
      await postJson(`${api}/live`);
      const r = room.current!;
      await connectToStream(r, streamId);
      await media.ensureRunning();
      const { localParticipant } = r;
      if (media.video.value) {
        await localParticipant.publishTrack(media.video.value, { source: Track.Source.Camera });
      }
      if (media.audio.value) {
        await localParticipant.publishTrack(media.audio.value, { source: Track.Source.Microphone });
      }
      phase.value = "live";
    } catch (error) {
      phase.value = "error";
      notice.value = messageOf(error);
      await room.current?.disconnect(false);
    }
  }

  async function endStream() {
    confirming.value = false;
    try {
      await postJson(`${api}/end`);
      phase.value = "ended";
      await room.current?.disconnect();
      media.video.value?.stop();
      media.audio.value?.stop();
    } catch (error) {
      notice.value = messageOf(error);
    }
  }

  // An ended stream shows as ended from the first render, on the server too.
  const current: Phase = status === "ended" ? "ended" : phase.value;
  const onAir = current === "live" || current === "reconnecting";
  const canGoLive = ["idle", "offline", "error"].includes(current) && !!media.video.value;
  return (
    <section class="studio" data-phase={current}>
      <div class="stage">
        <video ref={preview} autoplay muted playsInline aria-label="Your camera preview" />
        <span class={`badge badge-${current}`} role="status">{LABELS[current]}</span>
      </div>
      {media.error.value && <p class="notice error">{media.error.value}</p>}
      {notice.value && <p class="notice error" role="alert">{notice.value}</p>}
      {current !== "ended" && (
        <div class="controls">
          <DeviceSelect
            label="Camera"
            devices={media.cameras.value}
            current={deviceIdOf(media.video.value)}
            onPick={(id) => media.switchDevice("videoinput", id)}
          />
          <DeviceSelect
            label="Microphone"
            devices={media.microphones.value}
            current={deviceIdOf(media.audio.value)}
            onPick={(id) => media.switchDevice("audioinput", id)}
          />
          {canGoLive && (
            <button type="button" class="primary" onClick={goLive}>
              {current !== "idle" ? "Go live again" : status === "live" ? "Resume broadcast" : "Go live"}
            </button>
          )}
          {onAir && !confirming.value && (
            <button
              type="button"
              class="danger"
              onClick={() => confirming.value = true}
            >
              End stream
            </button>
          )}
          {onAir && confirming.value && (
            <span class="confirm">
              End the stream for everyone?
              <button type="button" class="danger" onClick={endStream}>Yes, end it</button>
              <button type="button" onClick={() => confirming.value = false}>Keep streaming</button>
            </span>
          )}
        </div>
      )}
      <p class="share">
        Watch link: <a href={watchUrl} target="_blank" rel="noopener">{watchUrl}</a>
      </p>
    </section>
  );
}
