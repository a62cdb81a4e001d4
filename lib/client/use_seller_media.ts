// The seller's media as a viewer receives it: the main picture (screen share when there
// is one, else the camera), the camera as picture-in-picture during a share, the sound,
// whether mic or camera is muted, and the quality the viewer chose.
import { type Signal, useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { RefObject } from "preact";
import { type RemoteTrackPublication, type Room, RoomEvent, Track, VideoQuality } from "livekit-client";
import { type SellerTracks, sellerTracks } from "./seller_tracks.ts";

export type Quality = "auto" | "high" | "medium" | "low";

const CHOSEN: Record<Exclude<Quality, "auto">, VideoQuality> = {
  high: VideoQuality.HIGH,
  medium: VideoQuality.MEDIUM,
  low: VideoQuality.LOW,
};

/** The layer a choice asks for; "auto": the one that fits the player's size on this screen. */
function ask(pub: RemoteTrackPublication, quality: Quality, el: HTMLVideoElement | null) {
  if (quality !== "auto") return pub.setVideoQuality(CHOSEN[quality]);
  const scale = globalThis.devicePixelRatio ?? 1;
  const width = Math.round((el?.clientWidth || 640) * scale);
  pub.setVideoDimensions({ width, height: Math.round(width * 9 / 16) });
}

export interface SellerMedia {
  /** The main picture plays (a frame of it came) or is off, or the seller has sound only: a track no frame comes on is not "live". */
  hasVideo: Signal<boolean>;
  hasPip: Signal<boolean>;
  micMuted: Signal<boolean>;
  cameraMuted: Signal<boolean>;
  quality: Signal<Quality>;
}

/** The elements the seller's media plays in. */
export interface Players {
  main: RefObject<HTMLVideoElement>;
  pip: RefObject<HTMLVideoElement>;
  audio: RefObject<HTMLAudioElement>;
}

/** What a layout shows: the main picture and, during a screen share, the camera beside it. */
type Shown = Pick<SellerTracks, "main" | "pip">;

export function useSellerMedia(room: () => Room | null, els: Players): SellerMedia {
  const media: SellerMedia = {
    hasVideo: useSignal(false),
    hasPip: useSignal(false),
    micMuted: useSignal(false),
    cameraMuted: useSignal(false),
    quality: useSignal<Quality>("auto"),
  };

  useEffect(() => {
    const r = room();
    if (!r) return;
    let shown: Shown = {};
    const askFitting = () => {
      if (shown.main) ask(shown.main, media.quality.value, els.main.current);
      if (shown.pip) ask(shown.pip, media.quality.value, els.pip.current);
    };
    const layout = () => {
      shown = layOut(r, els, media);
      askFitting();
    };
    // Publications settle after the event that announces them, so lay out just after it.
    const relayout = () => setTimeout(layout, 0);
    const events = [
      RoomEvent.TrackSubscribed,
      RoomEvent.TrackUnsubscribed,
      RoomEvent.TrackUnpublished,
      RoomEvent.TrackMuted,
      RoomEvent.TrackUnmuted,
      RoomEvent.ParticipantDisconnected,
    ] as const;
    for (const e of events) r.on(e, relayout);
    // Its first frame: a seller whose tab just closed is still in the room a while, sending nothing.
    const player = els.main.current;
    player?.addEventListener("loadeddata", relayout);
    // The watch page's starter may have received (and shown) the seller's tracks already.
    layout();
    const unwatch = media.quality.subscribe(askFitting);
    // A player that grows (fullscreen, a phone turned) asks for the layer that fits it again.
    const resized = new ResizeObserver(askFitting);
    for (const el of [els.main.current, els.pip.current]) if (el) resized.observe(el);
    return () => {
      for (const e of events) r.off(e, relayout);
      player?.removeEventListener("loadeddata", relayout);
      unwatch();
      resized.disconnect();
    };
  }, []);
  return media;
}

/**
 * Attaches the seller's tracks to the players and tells `media` what plays and what is
 * muted. A picture already in its player stays (no flicker); it leaves the players it no
 * longer belongs in.
 */
function layOut(room: Room, els: Players, media: SellerMedia): Shown {
  const { all, camera, mic, main, pip } = sellerTracks(room);
  for (const pub of all) {
    const belongs = pub === main ? els.main.current : pub === pip ? els.pip.current : null;
    for (const el of pub.videoTrack?.attachedElements ?? []) if (el !== belongs) pub.videoTrack?.detach(el);
  }
  show(main, els.main.current);
  show(pip, els.pip.current);
  if (mic && els.audio.current) mic.audioTrack?.attach(els.audio.current);
  // A seller with a microphone and no camera is live all the same, with no picture.
  const soundOnly = !main && !!mic?.audioTrack;
  media.hasVideo.value = soundOnly || !!main && (main.isMuted || (els.main.current?.readyState ?? 0) > 1);
  media.hasPip.value = !!pip;
  media.micMuted.value = !!mic?.isMuted;
  media.cameraMuted.value = soundOnly || !!camera?.isMuted ||
    (!camera && !!all.find((p) => p.source === Track.Source.Camera));
  return { main, pip };
}

function show(pub: RemoteTrackPublication | undefined, el: HTMLVideoElement | null) {
  if (pub?.videoTrack && el) pub.videoTrack.attach(el);
}
