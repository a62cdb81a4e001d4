// Test-only: a room service that loses messages the way a network may, so end-to-end
// tests can prove the pages recover what they missed. Enabled by FAULT_DROP_SENDS, which
// the configuration refuses outside APP_ENV=test.
import type { RoomService } from "./room_service.ts";

/** Passes every call on, except that every `every`-th send is silently lost (reported as sent). */
export function dropSends(rooms: RoomService, every: number): RoomService {
  let sends = 0;
  return {
    ...rooms,
    send: (...args) => ++sends % every === 0 ? Promise.resolve() : rooms.send(...args),
  };
}
