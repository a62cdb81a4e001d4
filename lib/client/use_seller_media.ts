// The seller's media as a viewer receives it: the main picture (screen share when there
// is one, else the camera), the camera as picture-in-picture during a share, the sound,
// whether mic or camera is muted, and the quality the viewer chose.
import { type Signal, useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { RefObject } from "preact";
import { type RemoteTrackPublication, type Room, RoomEvent, Track, VideoQuality } from "livekit-client";

export type Quality = "auto" | "high" | "medium" | "low";

// Adaptive stream already picks the layer that fits the player ("auto"); a choice caps it.
const CAPS: Record<Quality, VideoQuality> = {
  auto: VideoQuality.HIGH,
  high: VideoQuality.HIGH,
  medium: VideoQuality.MEDIUM,
  low: VideoQuality.LOW,
};

export interface SellerMedia {
  hasVideo: Signal<boolean>;
  hasPip: Signal<boolean>;
  micMuted: Signal<boolean>;
  cameraMuted: Signal<boolean>;
  quality: Signal<Quality>;
}

export function useSellerMedia(
  room: () => Room | null,
  els: {
    main: RefObject<HTMLVideoElement>;
    pip: RefObject<HTMLVideoElement>;
    audio: RefObject<HTMLAudioElement>;
  },
): SellerMedia {
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
    const layout = () => {
      const pubs = [...r.remoteParticipants.values()].flatMap((p) => [...p.trackPublications.values()]);
      const find = (source: Track.Source) => pubs.find((p) => p.source === source && p.track);
      const screen = find(Track.Source.ScreenShare);
      const camera = find(Track.Source.Camera);
      const mic = find(Track.Source.Microphone);
      for (const pub of pubs) if (pub.kind === Track.Kind.Video) pub.videoTrack?.detach();
      show(screen ?? camera, els.main.current);
      show(screen ? camera : undefined, els.pip.current);
      if (mic && els.audio.current) mic.audioTrack?.attach(els.audio.current);
      for (const pub of [screen, camera]) pub?.setVideoQuality(CAPS[media.quality.value]);
      media.hasVideo.value = !!(screen ?? camera);
      media.hasPip.value = !!(screen && camera);
      media.micMuted.value = !!mic?.isMuted;
      media.cameraMuted.value = !!camera?.isMuted ||
        (!camera && !!pubs.find((p) => p.source === Track.Source.Camera));
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
    const unwatch = media.quality.subscribe(layout);
    return () => {
      for (const e of events) r.off(e, relayout);
      unwatch();
    };
  }, []);
  return media;
}

function show(pub: RemoteTrackPublication | undefined, el: HTMLVideoElement | null) {
  if (pub?.videoTrack && el) pub.videoTrack.attach(el);
}
