import type { RoomService } from "@/lib/livekit/room_service.ts";
import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import { quietRooms } from "@/tests/fixtures/quiet_rooms.ts";
import { StartupRefused, waitForLivekit } from "./startup.ts";

const LIVEKIT = { url: "ws://127.0.0.1:7880", apiKey: "sf_key" };

/** A room service whose ping answers with each outcome in turn, then keeps the last. */
function pings(...outcomes: (Error | "ok")[]): RoomService & { calls: number } {
  const rooms = {
    ...quietRooms(),
    calls: 0,
    ping() {
      const outcome = outcomes[Math.min(rooms.calls++, outcomes.length - 1)];
      return outcome === "ok" ? Promise.resolve() : Promise.reject(outcome);
    },
  };
  return rooms;
}

const refused = () => Object.assign(new Error("unauthorized"), { status: 401 });
const down = () => new Error("connect ECONNREFUSED 127.0.0.1:7880");
const noSleep = () => Promise.resolve();

Deno.test("waitForLivekit() waits while LiveKit is starting, then lets the app start", async () => {
  const rooms = pings(down(), down(), "ok");
  const logged: string[] = [];
  await waitForLivekit(rooms, LIVEKIT, { sleep: noSleep, log: (line) => logged.push(line) });
  assertEquals(rooms.calls, 3);
  assert(logged[0]?.includes("ECONNREFUSED"), `says what it waits for: ${logged}`);
});

Deno.test("waitForLivekit() refuses at once a key LiveKit does not share, naming the variables", async () => {
  const rooms = pings(refused());
  const error = await assertRejects(() => waitForLivekit(rooms, LIVEKIT, { sleep: noSleep, log: () => {} }));
  assert(error instanceof StartupRefused);
  assert(error.message.includes('refused the API key "sf_key"'), error.message);
  assert(error.message.includes("LIVEKIT_KEYS"), error.message);
  assertEquals(rooms.calls, 1);
});

Deno.test("waitForLivekit() gives up after its timeout with what it last saw", async () => {
  const rooms = pings(down());
  const error = await assertRejects(() =>
    waitForLivekit(rooms, LIVEKIT, { timeoutMs: 3_000, sleep: noSleep, log: () => {} })
  );
  assert(error.message.includes("did not answer") && error.message.includes("waited 3 s"), error.message);
  assertEquals(rooms.calls, 4);
});
