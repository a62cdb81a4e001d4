// Room event handlers added together and removed together, so an effect's cleanup
// cannot miss one of them.
import type { Room, RoomEventCallbacks as Events } from "livekit-client";

export type RoomHandlers = { [E in keyof Events]?: Events[E] };

/** Adds the handlers to the room; returns the function that removes them. */
export function onRoomEvents(room: Room, handlers: RoomHandlers): () => void {
  const entries = Object.entries(handlers) as [keyof Events, Events[keyof Events]][];
  for (const [event, handler] of entries) room.on(event, handler);
  return () => {
    for (const [event, handler] of entries) room.off(event, handler);
  };
}
