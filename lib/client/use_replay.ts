// Records the replay while the seller is on air, if they chose to: a new take whenever
// the camera or microphone restarts (LiveKit's "restarted": a device switch, the camera
// back on) or one missing is added, and the take ends when the broadcast does.
import { type Signal, useSignal } from "@preact/signals";
import { useEffect, useMemo } from "preact/hooks";
import { type LocalTrack, TrackEvent } from "livekit-client";
import { streamApi } from "./api.ts";
import { liveRoom } from "./live_room.ts";
import { ReplayRecorder } from "./replay_recorder.ts";
import type { LocalMedia } from "./use_local_media.ts";

export interface Replay {
  recorder: ReplayRecorder;
  /** Whether to record one: the seller's choice before going live. */
  wanted: Signal<boolean>;
}

/** `chosen`: the stream is being recorded already. */
export function useReplay(streamId: string, media: LocalMedia, onAir: boolean, chosen: boolean): Replay {
  const recorder = useMemo(() => new ReplayRecorder(streamApi(streamId)), [
    streamId,
  ]);
  // Off until the seller chooses it (a recording stays public for days), and on again when
  // they resume a broadcast they chose to record (from this page, or one that took it over).
  const wanted = useSignal(chosen);
  useEffect(() => void (chosen && (wanted.value = true)), [chosen]);
  const record = onAir && wanted.value;
  useEffect(() => {
    if (!record) return;
    const tracks: LocalTrack[] = [media.video.value, media.audio.value].flatMap((t) => t ? [t] : []);
    const restart = () => {
      const live = tracks.map((t) => t.mediaStreamTrack).filter((t) => t.readyState === "live");
      void recorder.start(live, liveRoom().room.localParticipant.identity || undefined);
    };
    restart();
    for (const track of tracks) track.on(TrackEvent.Restarted, restart);
    return () => {
      for (const track of tracks) track.off(TrackEvent.Restarted, restart);
      recorder.stop();
    };
  }, [record, media.video.value, media.audio.value]);
  return { recorder, wanted };
}
