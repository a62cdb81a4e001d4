// Streams in KV: each record, the seller's list, and the markers that keep a seller to
// one live stream and list the live ones for the home page.
import { isoAt } from "@/lib/core/clock.ts";
import { notFound } from "@/lib/core/errors.ts";
import type { StreamStatus } from "@/lib/contract/views.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { newId } from "@/lib/kv/ids.ts";
import { getAll } from "@/lib/kv/get_all.ts";
import { markGone } from "@/lib/kv/gone.ts";
import { accountNotGone } from "@/lib/auth/gone.ts";
import { keys } from "@/lib/kv/keys.ts";
import { type News, queue } from "@/lib/outbox/queue.ts";

export type { StreamStatus };

/** A stream that is not there, in the words its old link's page shows: it may never have been. */
export const STREAM_MISSING: [code: string, message: string] = [
  "stream_not_found",
  "This stream doesn't exist, or was deleted.",
];

export interface Stream {
  id: string;
  sellerId: string;
  sellerName: string;
  title: string;
  description: string;
  status: StreamStatus;
  createdAt: string;
  startedAt?: string;
  endedAt?: string;
  /** Live, but the seller's connection dropped (from LiveKit's webhooks)… */
  sellerAway?: boolean;
  /** …at this time… */
  awaySince?: string;
  /** …and they have been gone past the grace period: "away". */
  awayLong?: boolean;
  /**
   * Live, with nothing to watch since this time: no studio connected (away), or none
   * publishing a track. Past the grace period, off the home page's live list.
   */
  nothingToWatchSince?: string;
}

/** Creates a stream; null when the seller has already created `perDay` in the last day. */
export async function createStream(
  kv: Deno.Kv,
  input: { sellerId: string; sellerName: string; title: string; description: string },
  now: number,
  quota: { perDay: number },
): Promise<Stream | null> {
  const stream: Stream = { id: newId(), status: "created", createdAt: isoAt(now), ...input };
  const day = keys.streamsCreated(input.sellerId, String(Math.floor(now / DAY_MS)));
  return await atomically("creating the stream", async () => {
    const [created, account] = await Promise.all([kv.get<number>(day), accountNotGone(kv, input.sellerId)]);
    if ((created.value ?? 0) >= quota.perDay) return null;
    const op = kv.atomic().check(created, account)
      .set(keys.stream(stream.id), stream)
      .set(keys.streamBySeller(stream.sellerId, stream.id), stream.id)
      .set(keys.draft(stream.createdAt, stream.id), true)
      .set(day, (created.value ?? 0) + 1, { expireIn: 2 * DAY_MS });
    return (await op.commit()).ok ? stream : RETRY;
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function getStream(kv: Deno.Kv, id: string): Promise<Stream | null> {
  return (await kv.get<Stream>(keys.stream(id))).value;
}

/** The seller's streams (the newest `limit` of them, if given), newest first. */
export async function listSellerStreams(kv: Deno.Kv, sellerId: string, limit?: number): Promise<Stream[]> {
  const ids: string[] = [];
  const list = kv.list<string>({ prefix: keys.streamsBySeller(sellerId) }, { reverse: true, limit });
  for await (const entry of list) ids.push(entry.value);
  return await getStreams(kv, ids);
}

export async function listLiveStreams(kv: Deno.Kv): Promise<Stream[]> {
  const ids: string[] = [];
  for await (const entry of kv.list({ prefix: keys.liveStreams() })) {
    ids.push(String(entry.key.at(-1)));
  }
  return (await getStreams(kv, ids)).filter((s) => s.status === "live");
}

async function getStreams(kv: Deno.Kv, ids: string[]): Promise<Stream[]> {
  const entries = await getAll<Stream>(kv, ids.map((id) => keys.stream(id)));
  return entries.flatMap((e) => e.value ? [e.value] : []);
}

/** Streams made before drafts were indexed and never taken live, put in the index (once). */
export async function indexOldDrafts(kv: Deno.Kv): Promise<void> {
  if ((await kv.get(keys.draftsIndexed())).value) return;
  for await (const { value: s } of kv.list<Stream>({ prefix: keys.allStreams() })) {
    if (s.status === "created") await kv.set(keys.draft(s.createdAt, s.id), true);
  }
  await kv.set(keys.draftsIndexed(), true);
}

/** The stream as stored now and its seller's live marker, for a commit that checks both. */
async function readWithLiveMarker(kv: Deno.Kv, stream: Stream) {
  const [current, marker] = await kv.getMany<[Stream, string]>([
    keys.stream(stream.id),
    keys.liveStreamOf(stream.sellerId),
  ]);
  // Deleted since it was read (its seller, in another tab).
  if (!current.value) throw notFound(...STREAM_MISSING);
  return { current: current as Deno.KvEntry<Stream>, marker };
}

export type GoLiveResult =
  | { ok: true; stream: Stream }
  | { ok: false; reason: "ended" | "other_live"; otherStreamId?: string };

/**
 * Marks the stream live. A seller has at most one live stream: the check on their
 * live marker and the write happen in one atomic commit, so two tabs racing to go live
 * with different streams cannot both win.
 */
export async function goLive(
  kv: Deno.Kv,
  stream: Stream,
  now: number,
  news: (live: Stream) => News[],
): Promise<GoLiveResult> {
  return await atomically("going live", async () => {
    // Not for an account being deleted: its removal would have to leave a live stream.
    const [{ current, marker }, account, hosts] = await Promise.all([
      readWithLiveMarker(kv, stream),
      accountNotGone(kv, stream.sellerId),
      kv.get<HostConnection[]>(keys.hostConnections(stream.id)),
    ]);
    if (current.value.status === "ended") return { ok: false, reason: "ended" };
    if (marker.value && marker.value !== stream.id) {
      return { ok: false, reason: "other_live", otherStreamId: marker.value };
    }
    if (current.value.status === "live") return { ok: true, stream: current.value };
    // A studio joins and publishes once live (or has already, from a token minted before).
    const live: Stream = {
      ...current.value,
      status: "live",
      startedAt: isoAt(now),
      nothingToWatchSince: publishing(hosts.value ?? []) ? undefined : isoAt(now),
    };
    const op = kv.atomic()
      .check(current, marker, account, hosts)
      .set(keys.stream(stream.id), live)
      .set(keys.liveStreamOf(stream.sellerId), stream.id)
      .set(keys.liveStream(stream.id), true)
      .delete(keys.draft(live.createdAt, stream.id));
    return (await queue(op, stream.id, news(live)).commit()).ok ? { ok: true, stream: live } : RETRY;
  });
}

/** Ends the stream for good; ending an ended stream changes nothing (and tells nothing). */
export async function endStream(
  kv: Deno.Kv,
  stream: Stream,
  now: number,
  news: (ended: Stream) => News[],
): Promise<Stream> {
  return await atomically("ending the stream", async () => {
    const { current, marker } = await readWithLiveMarker(kv, stream);
    if (current.value.status === "ended") return current.value;
    const ended: Stream = {
      ...current.value,
      status: "ended",
      endedAt: isoAt(now),
      sellerAway: false,
      awaySince: undefined,
      awayLong: false,
      nothingToWatchSince: undefined,
    };
    const op = kv.atomic().check(current, marker).set(keys.stream(stream.id), ended)
      .delete(keys.liveStream(stream.id));
    if (marker.value === stream.id) op.delete(keys.liveStreamOf(ended.sellerId));
    return (await queue(op, stream.id, news(ended)).commit()).ok ? ended : RETRY;
  });
}

/**
 * Deletes the stream's record if it is there and `may` allows it as it stands; false when
 * not, "changed" when the `unchanged` entry (read when the delete was decided) has changed
 * since. What else is kept for it goes next (removal.ts), and again with each sweep while
 * the mark left here stays (lib/kv/gone.ts).
 */
export async function deleteStream(
  kv: Deno.Kv,
  streamId: string,
  may: (s: Stream) => boolean,
  now: number,
  unchanged?: Deno.KvEntryMaybe<unknown>,
): Promise<boolean | "changed"> {
  return await atomically<boolean | "changed">("deleting the stream", async () => {
    const [current, then] = await Promise.all([
      kv.get<Stream>(keys.stream(streamId)),
      unchanged && kv.get(unchanged.key),
    ]);
    const stream = current.value;
    if (!stream || !may(stream)) return false;
    if (then && then.versionstamp !== unchanged!.versionstamp) return "changed";
    const op = kv.atomic().check(current, ...(unchanged ? [unchanged] : []))
      .delete(current.key)
      .delete(keys.streamBySeller(stream.sellerId, streamId))
      .delete(keys.draft(stream.createdAt, streamId));
    return (await markGone(op, keys.goneStream(streamId), now).commit()).ok || RETRY;
  });
}

/** A connection of the seller broadcasting from their studio: LiveKit's identity and session id. */
export interface HostConnection {
  identity: string;
  sid: string;
  /** The tracks it publishes (a camera, a microphone, a screen), by LiveKit's track id. */
  tracks?: string[];
}

/** Any track counts: sound alone is something to watch. */
const publishing = (hosts: HostConnection[]) => hosts.some((h) => h.tracks?.length);

/**
 * Records one of the seller's studio connections coming (`present`) or going, as LiveKit's
 * webhooks report them: a live stream with none left is "away" (since `now`) until one
 * comes back. A leave removes only the connection it names (a reload's new one can be
 * reported before the old one's leave). Returns the stream when it changed, else null, so
 * a repeated webhook changes and tells nothing.
 */
export async function markHostConnection(
  kv: Deno.Kv,
  streamId: string,
  connection: HostConnection & { present: boolean },
  now: number,
  news: (changed: Stream) => News[],
): Promise<Stream | null> {
  const { identity, sid, present } = connection;
  return await setHostConnections(
    kv,
    streamId,
    (_, stored) => {
      const others = stored.filter((h) => h.identity !== identity || (!present && h.sid !== sid));
      // A repeated join keeps the tracks its connection published meanwhile.
      return present ? [...others, stored.find((h) => h.sid === sid) ?? { identity, sid }] : others;
    },
    now,
    news,
  );
}

/**
 * Records a track of one of the seller's studio connections published or unpublished, as
 * LiveKit's webhooks report it. A connection not (or no longer) stored is left to the
 * reconcile: a late track event must not bring back a studio that has left.
 */
export async function markHostTrack(
  kv: Deno.Kv,
  streamId: string,
  change: { connection: string; track: string; published: boolean },
  now: number,
  news: (changed: Stream) => News[],
): Promise<Stream | null> {
  const { connection, track, published } = change;
  return await setHostConnections(
    kv,
    streamId,
    (_, stored) => {
      const host = stored.find((h) => h.sid === connection);
      if (!host) return null;
      const others = (host.tracks ?? []).filter((t) => t !== track);
      const tracks = published ? [...others, track] : others;
      return stored.map((h) => h === host ? { ...host, tracks } : h);
    },
    now,
    news,
  );
}

/**
 * Makes the seller's studio connections what LiveKit lists now (`list`), for the webhooks
 * that never came: a leave lost, or a stream made live (from the API) whose studio never
 * joined, `graceMs` after going live. Listed after reading what is stored, so a join
 * reported meanwhile fails the commit's check and is read again.
 */
export async function reconcileHostConnections(
  kv: Deno.Kv,
  streamId: string,
  list: () => Promise<HostConnection[]>,
  at: { now: number; graceMs: number },
  news: (changed: Stream) => News[],
): Promise<Stream | null> {
  return await setHostConnections(
    kv,
    streamId,
    async (stream, stored) => {
      if (stream.status !== "live") return null;
      const listed = await list();
      // A studio that has just gone live may not have joined yet.
      const joining = stored.length === 0 && at.now - Date.parse(stream.startedAt!) < at.graceMs;
      const same = stored.length === listed.length &&
        stored.every((h) => listed.some((l) => l.sid === h.sid && sameTracks(l, h)));
      const agrees = !!stream.sellerAway === (listed.length === 0) &&
        !!stream.nothingToWatchSince === !publishing(listed);
      return (listed.length === 0 && joining) || (same && agrees) ? null : listed;
    },
    at.now,
    news,
  );
}

const sameTracks = (a: HostConnection, b: HostConnection) =>
  [...a.tracks ?? []].sort().join() === [...b.tracks ?? []].sort().join();

/**
 * Sets the seller's studio connections to what `decide` makes of the stream and those
 * stored (null: nothing to change). A live stream with none is "away" (since `now`) until
 * one comes back, and with none publishing it has nothing to watch (since `now`) until one
 * does; the stream is returned when either changed, else null. Only "away" is news to the
 * room: viewers of a studio publishing nothing already see the video about to start.
 */
async function setHostConnections(
  kv: Deno.Kv,
  streamId: string,
  decide: (
    stream: Stream,
    stored: HostConnection[],
  ) => HostConnection[] | null | Promise<HostConnection[] | null>,
  now: number,
  news: (changed: Stream) => News[],
): Promise<Stream | null> {
  return await atomically("noting the seller's connections", async () => {
    const [current, hosts] = await kv.getMany<[Stream, HostConnection[]]>([
      keys.stream(streamId),
      keys.hostConnections(streamId),
    ]);
    if (!current.value) return null;
    const next = await decide(current.value, hosts.value ?? []);
    if (!next) return null;
    const live = current.value.status === "live";
    const away = next.length === 0 && live;
    const nothing = !publishing(next) && live;
    const op = kv.atomic().check(current, hosts).set(keys.hostConnections(streamId), next);
    const awayChanged = !!current.value.sellerAway !== away;
    if (!awayChanged && !!current.value.nothingToWatchSince === nothing) {
      return (await op.commit()).ok ? null : RETRY;
    }
    const stream: Stream = {
      ...current.value,
      ...awayChanged && { sellerAway: away, awaySince: away ? isoAt(now) : undefined, awayLong: false },
      // Kept while it lasts: a seller back but publishing nothing gets no fresh grace.
      nothingToWatchSince: nothing ? current.value.nothingToWatchSince ?? isoAt(now) : undefined,
    };
    op.set(keys.stream(streamId), stream);
    return (await queue(op, streamId, awayChanged ? news(stream) : []).commit()).ok ? stream : RETRY;
  });
}

/** The stream the seller is live with now, if any. */
export async function liveStreamIdOf(kv: Deno.Kv, sellerId: string): Promise<string | null> {
  return (await kv.get<string>(keys.liveStreamOf(sellerId))).value;
}

/** The LiveKit identities the seller is broadcasting from now: where messages for them go. */
export async function hostIdentities(kv: Deno.Kv, streamId: string): Promise<string[]> {
  return ((await kv.get<HostConnection[]>(keys.hostConnections(streamId))).value ?? []).map((h) =>
    h.identity
  );
}

/**
 * Notes that a live stream's seller has been away past the grace period; null when the
 * stream is not (or no longer) in that state, or already noted, so the news goes once.
 */
export async function markAwayLong(
  kv: Deno.Kv,
  streamId: string,
  news: (stream: Stream) => News[],
): Promise<Stream | null> {
  return await atomically("noting the seller away", async () => {
    const current = await kv.get<Stream>(keys.stream(streamId));
    if (!current.value?.sellerAway || current.value.awayLong || current.value.status !== "live") return null;
    const stream: Stream = { ...current.value, awayLong: true };
    const op = kv.atomic().check(current).set(keys.stream(streamId), stream);
    return (await queue(op, streamId, news(stream)).commit()).ok ? stream : RETRY;
  });
}
