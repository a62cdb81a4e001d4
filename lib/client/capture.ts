// Asking the browser for the seller's camera and microphone: both at once, or each alone
// when one of them is not there, so a seller with only one goes live with it. A refusal
// is told in words that say what is wrong and what to do.
import { createLocalTracks, type LocalTrack, VideoPresets } from "livekit-client";

const VIDEO = { resolution: VideoPresets.h720.resolution };

/** getUserMedia's refusals for a device that is not there (or none that fits). */
const MISSING = ["NotFoundError", "OverconstrainedError"];

const nameOf = (error: unknown) => (error as Error | null)?.name ?? "";

/** The tracks there are, at least one; throws getUserMedia's refusal when there are none. */
export async function captureTracks(): Promise<LocalTrack[]> {
  try {
    return await createLocalTracks({ audio: true, video: VIDEO });
  } catch (error) {
    if (!MISSING.includes(nameOf(error))) throw error;
    // In turn: asked at once, Chromium may answer the second while the first holds the device.
    const tracks = [
      ...await createLocalTracks({ audio: false, video: VIDEO }).catch(() => []),
      ...await createLocalTracks({ audio: true, video: false }).catch(() => []),
    ];
    if (!tracks.length) throw error;
    return tracks;
  }
}

/** Why nothing could be captured, and what to do about it. */
export function captureProblem(error: unknown): string {
  switch (nameOf(error)) {
    case "NotAllowedError":
    case "SecurityError":
      return "Your browser doesn't let Showfloor use your camera and microphone. Allow them for this site (in the address bar), then press Try again.";
    case "NotFoundError":
    case "OverconstrainedError":
      return "No camera or microphone was found. Connect one, then press Try again.";
    case "NotReadableError":
    case "AbortError":
      return "Your camera or microphone is in use by another app. Close that app, then press Try again.";
    default:
      return "Showfloor can't start your camera or microphone. Check they are connected, then press Try again.";
  }
}
