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

/** The seller an identity names, or null for a guest's. */
export function sellerIdOf(person: string): string | null {
  const prefix = sellerIdentity("");
  return person.startsWith(prefix) && person.length > prefix.length ? person.slice(prefix.length) : null;
}

/** A guest, by the id in their signed cookie. */
export function guestIdentity(guestId: string): string {
  return `guest-${guestId}`;
}

/**
 * Someone who watches without a name: their address may make no more guests now (a busy
 * venue's Wi-Fi), so they watch by their browser session until they pick a name.
 */
export function watcherIdentity(browserId: string): string {
  return `watcher-${browserId}`;
}

const CONNECTION = "~";

/**
 * One connection of a person to a room: their identity plus a random suffix, so a second
 * tab (or the seller's own watch page) never kicks the first. `host` marks a seller's
 * broadcast from their studio.
 */
export function connectionIdentity(person: string, host: boolean): string {
  const suffix = crypto.getRandomValues(new Uint32Array(2)).reduce((s, n) => s + n.toString(36), "");
  return `${person}${CONNECTION}${host ? "h" : "v"}${suffix}`;
}

/** Whose connection an identity is, and whether it broadcasts; identities without a suffix are the person's. */
export function connectionOf(identity: string): { person: string; host: boolean } {
  const at = identity.lastIndexOf(CONNECTION);
  if (at < 0) return { person: identity, host: false };
  return { person: identity.slice(0, at), host: identity[at + 1] === "h" };
}

/** Whether `identity` is one of the seller's broadcasts from their studio. */
export function isStudioOf(identity: string, sellerId: string): boolean {
  const { person, host } = connectionOf(identity);
  return host && person === sellerIdentity(sellerId);
}

/**
 * The participant attribute a viewer's token carries: the client address its seat of a
 * capped stream was given to (lib/moderation/seats.ts), for the join to be checked against
 * that address's share. Its own address, which LiveKit sees anyway; nobody else sees it
 * (a viewer is hidden), and its holder cannot change it (canUpdateOwnMetadata is off).
 */
export const ADDRESS_ATTRIBUTE = "address";
