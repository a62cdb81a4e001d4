// Exposes the real livekit-client on window.LK for tests that act as a participant
// the app's islands never would (a viewer trying to publish a camera).
import * as LK from "livekit-client";
(globalThis as unknown as { LK: typeof LK }).LK = LK;
