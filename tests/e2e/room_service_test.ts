// The app's LiveKit room module against a real livekit-server.
import { startLivekit } from "@/tests/e2e/harness/livekit.ts";
import { message } from "@/lib/contract/messages.ts";
import { createRoomService } from "@/lib/livekit/room_service.ts";
import { assertEquals } from "@/tests/assert.ts";

Deno.test({
  name:
    "the room service tolerates a stream whose room does not exist yet, where LiveKit itself answers a send with 503",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const livekit = await startLivekit();
    try {
      const rooms = createRoomService(livekit);
      await rooms.send("nobody-here", message("status", { status: "live", at: new Date().toISOString() }));
      await rooms.close("nobody-here");
      assertEquals(await rooms.participants("nobody-here"), []);
      await rooms.remove("nobody-here", ["guest-gone~v1"]);
    } finally {
      await livekit.stop();
    }
  },
});
