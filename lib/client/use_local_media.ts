// The seller's camera and microphone: preview tracks, the device lists, and switching
// devices (the same tracks are published, so a switch while live reaches viewers).
import { type Signal, useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { RefObject } from "preact";
import { type LocalAudioTrack, type LocalTrack, type LocalVideoTrack, Room, Track } from "livekit-client";
import { captureDevice, captureProblem, captureTracks } from "./capture.ts";

export interface LocalMedia {
  video: Signal<LocalVideoTrack | null>;
  audio: Signal<LocalAudioTrack | null>;
  cameras: Signal<MediaDeviceInfo[]>;
  microphones: Signal<MediaDeviceInfo[]>;
  error: Signal<string>;
  /**
   * Why the camera, the microphone or both could not be had, and what to do ("" when both
   * are); kept while asking again, so Try again stays where the keyboard left it.
   */
  problem: Signal<string>;
  /**
   * Asks the browser again (once the seller allowed access, or plugged a device in): for
   * both, or for the one missing alone, leaving the other as it is (on air too).
   */
  retry(): Promise<void>;
  switchDevice(kind: "videoinput" | "audioinput", deviceId: string): Promise<void>;
  /** Restarts capture for tracks a disconnect stopped, before publishing them again. */
  ensureRunning(): Promise<void>;
}

/** `wanted`: false where nothing can be broadcast (the stream has ended), so the camera stays off, or stops. */
export function useLocalMedia(preview: RefObject<HTMLVideoElement>, wanted: boolean): LocalMedia {
  const video = useSignal<LocalVideoTrack | null>(null);
  const audio = useSignal<LocalAudioTrack | null>(null);
  const cameras = useSignal<MediaDeviceInfo[]>([]);
  const microphones = useSignal<MediaDeviceInfo[]>([]);
  const error = useSignal("");
  const problem = useSignal("");
  const attempt = useSignal(0);
  // This capture's tracks, stopped together: those it began with and one added since.
  const held = useRef<LocalTrack[]>([]);

  async function use(tracks: LocalTrack[]) {
    video.value = tracks.find((t) => t.kind === Track.Kind.Video) as LocalVideoTrack ?? null;
    audio.value = tracks.find((t) => t.kind === Track.Kind.Audio) as LocalAudioTrack ?? null;
    if (preview.current) video.value?.attach(preview.current);
    // Only kinds it has: asking for the others' names would ask for the device again.
    cameras.value = video.value ? await Room.getLocalDevices("videoinput", false) : [];
    microphones.value = audio.value ? await Room.getLocalDevices("audioinput", false) : [];
  }

  useEffect(() => {
    if (!wanted) return;
    const created: LocalTrack[] = held.current = [];
    let cancelled = false;
    (async () => {
      try {
        const { tracks, missing } = await captureTracks();
        if (cancelled) return tracks.forEach((t) => t.stop());
        created.push(...tracks);
        problem.value = missing ? captureProblem(missing.error, missing.device) : "";
        await use(created);
      } catch (e) {
        if (cancelled) return;
        // The tracks asked for before were stopped: nothing is left to show or publish.
        video.value = audio.value = null;
        problem.value = captureProblem(e);
      }
    })();
    return () => {
      cancelled = true;
      created.forEach((t) => t.stop());
    };
  }, [wanted, attempt.value]);

  return {
    video,
    audio,
    cameras,
    microphones,
    error,
    problem,
    async retry() {
      const device = video.value ? "microphone" : audio.value ? "camera" : null;
      if (!device) return void attempt.value++;
      try {
        held.current.push(await captureDevice(device));
        problem.value = "";
        await use(held.current);
      } catch (e) {
        problem.value = captureProblem(e, device);
      }
    },
    async switchDevice(kind, deviceId) {
      const track = kind === "videoinput" ? video.value : audio.value;
      error.value = "";
      // Exact: asked for as "ideal", Chromium keeps a microphone on its default device.
      const switched = await track?.setDeviceId({ exact: deviceId }).catch(() => false);
      if (!switched) error.value = "That device could not be switched to. Pick another one.";
    },
    async ensureRunning() {
      for (const track of [video.value, audio.value]) {
        if (track?.mediaStreamTrack.readyState === "ended") await track.restartTrack();
      }
    },
  };
}

/** The device a track is capturing from, for the selects' current value. */
export function deviceIdOf(track: LocalTrack | null): string {
  return track?.mediaStreamTrack.getSettings().deviceId ?? "";
}
