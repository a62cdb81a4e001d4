// The seats of a capped stream one address takes. A page fetched without cookies makes a
// new guest, and with it a new seat, so one script could fill a small cap and keep everyone
// else out. Past a share of the cap, an address's newcomers are turned away as if the
// stream were full. A seat is someone watching, or given a ticket that still opens the room
// (not in the room yet). Kept in this process's memory, since a page costs no KV write:
// with N app processes an address may be given N times as many, but no more of them get in
// (their joins are checked in KV: lib/audience/webhooks.ts).
import { isWatching } from "@/lib/audience/viewers.ts";
import { VIEWER_TOKEN_OPENS_MS } from "@/lib/livekit/tokens.ts";

/** A ticket not used by then holds no seat: it no longer opens the room. */
const PENDING_MS = VIEWER_TOKEN_OPENS_MS;
/** Streams × addresses remembered at most; the oldest go first. */
const MAX_PLACES = 10_000;

/** Per stream and address: each person given a seat there, and when. */
const given = new Map<string, Map<string, number>>();

/**
 * The most one address may take: a quarter of the cap, and at least one (a household
 * shares an address, so does a carrier's NAT: not fewer).
 */
export const seatsPerAddress = (cap: number) => Math.max(1, Math.floor(cap / 4));

/**
 * Takes a seat for `person` from `address`, unless the address has all it may; true when
 * taken (or already theirs).
 */
export async function takeSeat(
  kv: Deno.Kv,
  streamId: string,
  cap: number,
  who: { person: string; address: string },
  now: number,
): Promise<boolean> {
  const place = `${streamId}\n${who.address}`;
  const seats = given.get(place) ?? new Map<string, number>();
  // Each other seat still held: a ticket given a moment ago, or someone in the room.
  const held = await Promise.all(
    [...seats].filter(([person]) => person !== who.person).map(async ([person, at]) =>
      now - at < PENDING_MS
        ? [person, at] as const
        : await isWatching(kv, streamId, person)
        ? [person, now] as const
        : null
    ),
  );
  const others = held.filter((seat) => seat !== null);
  if (others.length >= seatsPerAddress(cap)) return false;
  given.delete(place);
  given.set(place, new Map([...others, [who.person, now]]));
  if (given.size > MAX_PLACES) given.delete(given.keys().next().value!);
  return true;
}
