// Who is watching a stream right now, as LiveKit's webhooks report it: a set of people
// (with display name and the LiveKit session ids of their connections: tabs, reloads)
// plus { current, peak } counts of people, changed together in one atomic commit.
// Webhooks may repeat or arrive late, so every change is idempotent, and a person leaves
// only when their last connection does (a reload's new session can be reported before
// the old one's leave). How many people watch from each client address is kept too, so a
// capped stream's join is checked against the cap and the address's share of it in the
// same commit that counts it.
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { getAll } from "@/lib/kv/get_all.ts";
import { keys } from "@/lib/kv/keys.ts";

export interface ViewerCount {
  current: number;
  peak: number;
  /** The versionstamp of the commit that produced these counts ("" before any). */
  version: string;
}

type StoredCount = Omit<ViewerCount, "version">;

function countOf(entry: Deno.KvEntryMaybe<StoredCount>): ViewerCount {
  return { ...(entry.value ?? { current: 0, peak: 0 }), version: entry.versionstamp ?? "" };
}

export interface ViewerSession {
  /** The person (lib/livekit/names.ts connectionOf), not one connection of theirs. */
  identity: string;
  name: string;
  /** LiveKit's id for this one connection of the person. */
  sid: string;
  /** The client address their ticket was given to, when it names one (a viewer's does). */
  address?: string;
}

/** A stream's room: `cap` people at most (0: no cap), `share` of them from one address. */
export interface Seats {
  cap: number;
  share: number;
}

interface Stored {
  name: string;
  sids: string[];
  /** Their first connection's address: the one whose count they are in. */
  address?: string;
}

/** A viewer's entry outlives a missed leave by a day at most (the count is reconciled meanwhile). */
const VIEWER_TTL_MS = 24 * 60 * 60 * 1000;

export async function getViewerCount(kv: Deno.Kv, streamId: string): Promise<ViewerCount> {
  return countOf(await kv.get<StoredCount>(keys.viewerCount(streamId)));
}

/** Viewer counts for many streams at once (for the home page). */
export async function getViewerCounts(kv: Deno.Kv, streamIds: string[]): Promise<Map<string, ViewerCount>> {
  const entries = await getAll<StoredCount>(kv, streamIds.map((id) => keys.viewerCount(id)));
  return new Map(streamIds.map((id, k) => [id, countOf(entries[k]!)]));
}

/** The names of the viewers in the room, in identity order; `limit` caps how many (default: all). */
export async function listViewerNames(
  kv: Deno.Kv,
  streamId: string,
  opts: { limit?: number } = {},
): Promise<string[]> {
  const names: string[] = [];
  const entries = kv.list<Stored>({ prefix: keys.viewersOf(streamId) }, { limit: opts.limit });
  for await (const e of entries) names.push(e.value.name);
  return names;
}

/** True while the person has a connection in the stream's room. */
export async function isWatching(kv: Deno.Kv, streamId: string, identity: string): Promise<boolean> {
  return (await kv.get(keys.viewer(streamId, identity))).versionstamp !== null;
}

/**
 * Records a viewer's join; returns the new counts, or null when nothing changed (a repeat,
 * another tab). With `seats`, a newcomer the room has no seat for is not recorded: "full".
 */
export async function addViewer(
  kv: Deno.Kv,
  streamId: string,
  viewer: ViewerSession,
  seats?: Seats | null,
): Promise<ViewerCount | null | "full"> {
  return await update(kv, streamId, viewer.identity, (stored) => {
    if (stored?.sids.includes(viewer.sid) && stored.name === viewer.name) return "unchanged";
    const sids = [...(stored?.sids ?? []).filter((s) => s !== viewer.sid), viewer.sid];
    return { name: viewer.name, sids, address: stored ? stored.address : viewer.address };
  }, seats);
}

/** A viewer watching under a new name: their entry says it (and the seller hears it); none when not here. */
export async function renameViewer(
  kv: Deno.Kv,
  streamId: string,
  identity: string,
  name: string,
): Promise<void> {
  await update(
    kv,
    streamId,
    identity,
    (stored) => stored && stored.name !== name ? { ...stored, name } : "unchanged",
  );
}

/** Records a viewer's leave; returns the new counts, or null when nothing changed. */
export async function removeViewer(
  kv: Deno.Kv,
  streamId: string,
  viewer: Pick<ViewerSession, "identity" | "sid">,
): Promise<ViewerCount | null> {
  return await counted(update(
    kv,
    streamId,
    viewer.identity,
    (stored) => {
      if (!stored?.sids.includes(viewer.sid)) return "unchanged";
      const sids = stored.sids.filter((s) => s !== viewer.sid);
      return sids.length ? { ...stored, sids } : null;
    },
  ));
}

/**
 * Makes the viewer set what LiveKit says is in the room (people → name and connections):
 * repairs what webhooks missed while the app was down. True when anything changed. Someone
 * it adds is in no address's count: the share errs towards letting people in.
 */
export async function reconcileViewers(
  kv: Deno.Kv,
  streamId: string,
  present: Map<string, { name: string; sids: string[] }>,
): Promise<boolean> {
  let changed = false;
  for await (const e of kv.list<Stored>({ prefix: keys.viewersOf(streamId) })) {
    const person = String(e.key.at(-1));
    if (!present.has(person)) changed = await update(kv, streamId, person, () => null) !== null || changed;
  }
  for (const [person, seen] of present) {
    const next = (stored: Stored | null) =>
      stored && stored.name === seen.name && [...stored.sids].sort().join() === [...seen.sids].sort().join()
        ? "unchanged"
        : { ...seen, address: stored?.address };
    changed = await update(kv, streamId, person, next) !== null || changed;
  }
  return changed;
}

/** Empties the viewer set (the room closed); the peak stays. */
export async function clearViewers(kv: Deno.Kv, streamId: string): Promise<ViewerCount> {
  for await (const e of kv.list({ prefix: keys.viewersOf(streamId) })) {
    await update(kv, streamId, e.key.at(-1) as string, () => null);
  }
  return await getViewerCount(kv, streamId);
}

/** The outcome of a change with no seats to keep, which is never refused. */
async function counted(change: Promise<ViewerCount | null | "full">): Promise<ViewerCount | null> {
  const result = await change;
  return result === "full" ? null : result;
}

/**
 * Replaces one person's entry (null deletes it) and the counts with it, atomically; the
 * new counts when the person came or went, else null; "full" when they came and `seats`
 * had none for them (nothing changed).
 */
async function update(
  kv: Deno.Kv,
  streamId: string,
  identity: string,
  next: (stored: Stored | null) => Stored | null | "unchanged",
  seats?: Seats | null,
): Promise<ViewerCount | null | "full"> {
  return await atomically<ViewerCount | null | "full">("counting viewers", async () => {
    const [entry, counts] = await kv.getMany<[Stored, StoredCount]>([
      keys.viewer(streamId, identity),
      keys.viewerCount(streamId),
    ]);
    const value = next(entry.value);
    if (value === "unchanged" || (value === null && entry.value === null)) return null;
    // The room hears of it from the coalescer (./viewer_news.ts), once a second at most.
    const op = kv.atomic().check(entry, counts).set(keys.viewersChanged(streamId), true);
    if (value === null) op.delete(keys.viewer(streamId, identity));
    else op.set(keys.viewer(streamId, identity), value, { expireIn: VIEWER_TTL_MS });
    // Another tab of someone already here, or one of several closing: nobody came or went.
    if ((entry.value === null) === (value === null)) return (await op.commit()).ok ? null : RETRY;
    const came = value !== null;
    const { current, peak } = counts.value ?? { current: 0, peak: 0 };
    const address = (value ?? entry.value)?.address;
    const there = address ? await kv.get<number>(keys.viewersFrom(streamId, address)) : null;
    const fromThere = there?.value ?? 0;
    if (came && seats?.cap && (current >= seats.cap || fromThere >= seats.share)) return "full";
    if (there) {
      const left = Math.max(0, fromThere + (came ? 1 : -1));
      op.check(there);
      if (left) op.set(there.key, left, { expireIn: VIEWER_TTL_MS });
      else op.delete(there.key);
    }
    const now = Math.max(0, current + (came ? 1 : -1));
    const updated = { current: now, peak: Math.max(peak, now) };
    const result = await op.set(keys.viewerCount(streamId), updated).commit();
    return result.ok ? { ...updated, version: result.versionstamp } : RETRY;
  });
}
