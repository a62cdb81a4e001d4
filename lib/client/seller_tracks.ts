// The seller's tracks in a viewer's room, as the player shows them: the main picture is the
// screen share when there is one, else the camera, which then shows small beside it.
// Shared by the watch page's starter (islands/WatchPlayer.start.ts) and the player island
// (use_seller_media.ts).
import { type RemoteTrackPublication, type Room, Track } from "livekit-client";

export interface SellerTracks {
  /** Every track the seller publishes, subscribed or not. */
  all: RemoteTrackPublication[];
  camera?: RemoteTrackPublication;
  mic?: RemoteTrackPublication;
  /** The main picture, and the small one beside it (the camera, during a screen share). */
  main?: RemoteTrackPublication;
  pip?: RemoteTrackPublication;
}

/** The seller's published tracks, and those of them this viewer receives by source. */
export function sellerTracks(room: Room): SellerTracks {
  const all = [...room.remoteParticipants.values()].flatMap((p) => [...p.trackPublications.values()]);
  const find = (source: Track.Source) => all.find((p) => p.source === source && p.track);
  const [screen, camera] = [find(Track.Source.ScreenShare), find(Track.Source.Camera)];
  return {
    all,
    camera,
    mic: find(Track.Source.Microphone),
    main: screen ?? camera,
    pip: screen && camera,
  };
}

/** Whether the seller publishes a picture (received yet or not). */
export function publishesVideo(room: Room): boolean {
  return sellerTracks(room).all.some((p) => p.kind === Track.Kind.Video && !p.isMuted);
}

/** Calls `done` once `el` presents a frame (or, where frames cannot be watched, has one to show). */
export function onFirstFrame(el: HTMLVideoElement, done: () => void): void {
  if ("requestVideoFrameCallback" in el) el.requestVideoFrameCallback(() => done());
  else (el as HTMLVideoElement).addEventListener("loadeddata", done, { once: true });
}
