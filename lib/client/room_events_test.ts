import { Room, RoomEvent } from "livekit-client";
import { assertEquals } from "@/tests/assert.ts";
import { onRoomEvents } from "./room_events.ts";

Deno.test("onRoomEvents() adds every handler and its cleanup removes every one", () => {
  const room = new Room();
  const events = [RoomEvent.Reconnecting, RoomEvent.Reconnected, RoomEvent.Disconnected] as const;
  const count = () => events.map((e) => room.listenerCount(e));
  const before = count();
  const off = onRoomEvents(room, Object.fromEntries(events.map((e) => [e, () => {}])));
  assertEquals(count(), before.map((n) => n + 1));
  off();
  assertEquals(count(), before);
});
