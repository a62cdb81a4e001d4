// How Showfloor's people and streams are named inside LiveKit: the only module that
// spells these formats, so tokens, sends and webhooks always agree.

const ROOM_PREFIX = "stream-";

/** The LiveKit room of a stream. */
export function roomName(streamId: string): string {
  return `${ROOM_PREFIX}${streamId}`;
}

/** The stream a room belongs to, or null for a room that is not a stream's. */
export function streamIdOfRoom(room: string): string | null {
  return room.startsWith(ROOM_PREFIX) && room.length > ROOM_PREFIX.length
    ? room.slice(ROOM_PREFIX.length)
    : null;
}

/** A signed-in seller, wherever they are (their own studio or someone else's stream). */
export function sellerIdentity(sellerId: string): string {
  return `seller-${sellerId}`;
}

/** A guest, by the id in their signed cookie. */
export function guestIdentity(guestId: string): string {
  return `guest-${guestId}`;
}
