// The harness can run a real livekit-server from livekit.yaml, and the server
// SDK can talk to it with the keys the harness hands out.
import { RoomServiceClient } from "livekit-server-sdk";
import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import { startLivekit } from "@/tests/e2e/harness/livekit.ts";

Deno.test("livekit-server starts from livekit.yaml on free loopback ports", async () => {
  const livekit = await startLivekit();
  try {
    assert(/^ws:\/\/127\.0\.0\.1:\d+$/.test(livekit.url), livekit.url);
    const { http, rtcTcp, rtcUdp } = livekit.ports;
    assertEquals(
      new Set([http, rtcTcp, rtcUdp]).size,
      3,
      "http, rtc tcp and rtc udp ports differ",
    );
    assert(
      livekit.logs().includes(`"nodeIP": "127.0.0.1"`),
      "advertises the loopback node IP",
    );
  } finally {
    await livekit.stop();
  }
});

Deno.test("a room created through RoomServiceClient is listed, then deleted", async () => {
  const livekit = await startLivekit();
  try {
    const rooms = new RoomServiceClient(
      livekit.httpUrl,
      livekit.apiKey,
      livekit.apiSecret,
    );
    const created = await rooms.createRoom({
      name: "smoke-room",
      emptyTimeout: 60,
    });
    assertEquals(created.name, "smoke-room");

    const listed = await rooms.listRooms();
    assertEquals(listed.map((r) => r.name), ["smoke-room"]);

    await rooms.deleteRoom("smoke-room");
    assertEquals((await rooms.listRooms()).length, 0);
  } finally {
    await livekit.stop();
  }
});

Deno.test("livekit-server rejects API calls signed with the wrong secret", async () => {
  const livekit = await startLivekit();
  try {
    const wrong = new RoomServiceClient(
      livekit.httpUrl,
      livekit.apiKey,
      "x".repeat(48),
    );
    await assertRejects(() => wrong.listRooms());
  } finally {
    await livekit.stop();
  }
});

Deno.test("two livekit-servers run side by side without port clashes", async () => {
  const [a, b] = await Promise.all([startLivekit(), startLivekit()]);
  try {
    assert(a.url !== b.url);
    const clientA = new RoomServiceClient(a.httpUrl, a.apiKey, a.apiSecret);
    const clientB = new RoomServiceClient(b.httpUrl, b.apiKey, b.apiSecret);
    await clientA.createRoom({ name: "only-on-a" });
    assertEquals((await clientB.listRooms()).length, 0);
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
});
