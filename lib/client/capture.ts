// Asking the browser for the seller's camera and microphone: both at once, or, when the
// pair is refused for any reason, each alone, so a seller whose camera is missing, blocked
// or busy goes live with their microphone (or the other way round). A refusal is told in
// words that name the device, say what is wrong and what to do.
import { createLocalTracks, type LocalTrack, VideoPresets } from "livekit-client";

const VIDEO = { resolution: VideoPresets.h720.resolution };

export type Device = "camera" | "microphone";

export interface Capture {
  tracks: LocalTrack[];
  /** The device that could not be had while the other was, and getUserMedia's refusal of it. */
  missing: { device: Device; error: unknown } | null;
}

const nameOf = (error: unknown) => (error as Error | null)?.name ?? "";

/** The tracks there are, at least one; throws getUserMedia's refusal when there are none. */
export async function captureTracks(): Promise<Capture> {
  try {
    return { tracks: await createLocalTracks({ audio: true, video: VIDEO }), missing: null };
  } catch (error) {
    // In turn: asked at once, Chromium may answer the second while the first holds the device.
    const camera = await alone("camera");
    const microphone = await alone("microphone");
    if (camera.tracks.length === microphone.tracks.length) throw error;
    return camera.tracks.length
      ? { tracks: camera.tracks, missing: { device: "microphone", error: microphone.error } }
      : { tracks: microphone.tracks, missing: { device: "camera", error: camera.error } };
  }
}

const ALONE = { camera: { audio: false, video: VIDEO }, microphone: { audio: true, video: false } };

/** One device's track, asked for alone (what was missing, added later); throws the refusal. */
export async function captureDevice(device: Device): Promise<LocalTrack> {
  const [track] = await createLocalTracks(ALONE[device]);
  return track!;
}

async function alone(device: Device) {
  try {
    return { tracks: [await captureDevice(device)], error: null };
  } catch (error) {
    return { tracks: [], error };
  }
}

const WITHOUT: Record<Device, string> = {
  camera: "viewers will hear you without a picture",
  microphone: "viewers will see you without sound",
};

/**
 * Why a device could not be had, and what to do about it: `device` when only it is missing
 * (the other goes live), none when neither could be had.
 */
export function captureProblem(error: unknown, device?: Device): string {
  const [what, todo] = reason(nameOf(error), device);
  return device ? `${what}: ${WITHOUT[device]}. ${todo}` : `${what}. ${todo}`;
}

function reason(name: string, device?: Device): [string, string] {
  const either = device ?? "camera or microphone";
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
      return [
        `Your browser doesn't let Showfloor use your ${device ?? "camera and microphone"}`,
        `Allow ${device ? "it" : "them"} for this site (in the address bar), then press Try again.`,
      ];
    case "NotFoundError":
    case "OverconstrainedError":
      return [`No ${either} was found`, "Connect one, then press Try again."];
    case "NotReadableError":
    case "AbortError":
      return [`Your ${either} is in use by another app`, "Close that app, then press Try again."];
    default:
      return [
        `Showfloor can't start your ${either}`,
        `Check ${device ? "it is" : "they are"} connected, then press Try again.`,
      ];
  }
}
