// Replays: while live, the studio records the seller's camera and microphone in the
// browser and sends it here a few seconds at a time; once the stream has ended, anyone
// with its link plays it back. A recording restarts as a new take when the camera or
// microphone does (a device switch, the camera turned back on, a resumed broadcast), so a
// replay is one or a few takes. Only the stream's seller records, only while it is live
// (and a while after, for the last pieces), no faster than a camera could; a seller keeps
// at most their quota, each take for REPLAY_DAYS.
import type { ReplaySoFar, TakeProgress } from "@/lib/contract/views.ts";
import { REPLAY_PART_MAX_BYTES, type ReplayType } from "@/lib/contract/limits.ts";
import { type Actor, requireSeller } from "@/lib/core/actor.ts";
import { conflict, DomainError, invalid, notFound } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { newId } from "@/lib/kv/ids.ts";
import { isStudioOf } from "@/lib/livekit/names.ts";
import { requireDiskRoom } from "@/lib/limits/disk.ts";
import { spend } from "@/lib/limits/limiter.ts";
import { findStream, ownStream } from "@/lib/streams/access.ts";
import type { Stream } from "@/lib/streams/store.ts";
import { hasFile, removeFile, removeStreamFolder, startsLike, takePath, writeAt } from "./files.ts";
import { type ByteRange, byteRange } from "./range.ts";
import { readServed, served } from "./seekable.ts";
import {
  allTakes,
  claimPart,
  commitPart,
  type Committed,
  completeTake as markComplete,
  createTake,
  deleteTake,
  getTake,
  listTakes,
  markStudioLeft,
  releasePart,
  replayUsage,
  type Take,
} from "./store.ts";

/** Takes one stream may have: a new one per camera restart, so a few in practice. */
const MAX_TAKES = 50;
/** How long after the end the last pieces of a recording are still taken (a slow uplink catching up). */
const LAST_PART_MS = 10 * 60_000;
/**
 * How long after the end viewers wait for the studio's last parts before they are shown the
 * replay as it is, and how long a take may go unheard from (parts come every 3 s) before
 * it is taken as left (its studio closed while recording).
 */
const SAVING_MS = 60_000;
const QUIET_MS = 15_000;
/**
 * How fast a stream's replay (its takes together) may grow, in bytes a second, after a
 * head start of one part: four times
 * what the studio records (1 Mbit/s), so uploads catching up after a dropped connection
 * pass, while an account that records nothing cannot fill the disk at line speed.
 */
const MAX_BYTES_PER_SECOND = 500_000;

/** What the API answers about a take. */
export const takeView = ({ id, parts, bytes }: Take): TakeProgress => ({ id, parts, bytes });

/**
 * Starts a new take of the seller's own live stream, recorded by the studio page whose
 * LiveKit connection is `studio`, if it says.
 */
export async function startTake(
  services: Services,
  actor: Actor,
  streamId: string,
  { type, studio }: { type: ReplayType; studio?: string },
): Promise<Take> {
  requireSeller(actor);
  await spend(services, "replay", actor);
  const { kv, clock } = services;
  const stream = await ownStream(kv, actor, streamId);
  if (stream.status !== "live") {
    throw conflict("stream_not_live", "A replay is recorded only while the stream is live");
  }
  if (studio !== undefined && !isStudioOf(studio, stream.sellerId)) {
    throw invalid("not_studio", "A take's studio must be one of your studio's connections");
  }
  if ((await listTakes(kv, streamId)).length >= MAX_TAKES) {
    throw conflict("too_many_takes", `A replay has at most ${MAX_TAKES} takes`);
  }
  return await createTake(kv, { streamId, sellerId: stream.sellerId, type, studio }, clock.now());
}

/**
 * A studio connection of the stream's seller left the room. When its page left by itself
 * while live (closed or reloaded: LiveKit's client-initiated leave; a drop, a takeover or
 * the end's closing of the room are not), no more parts can come of the takes it recorded:
 * its uploads went with it. Once the stream ends they are served whole at once.
 */
export async function studioLeft(
  { kv }: Services,
  stream: Stream,
  studio: { identity: string; leftByItself?: boolean },
): Promise<void> {
  if (stream.status === "live" && studio.leftByItself) await markStudioLeft(kv, stream.id, studio.identity);
}

/**
 * Adds part `part` to a take: it must be the take's next (a part already counted is
 * answered as it stands, so a retry whose answer was lost does no harm). The body is read
 * only once the asker may send it.
 */
export async function addPart(
  services: Services,
  actor: Actor,
  streamId: string,
  takeId: string,
  part: number,
  body: () => Promise<Uint8Array>,
): Promise<Take> {
  requireSeller(actor);
  await spend(services, "replay", actor);
  const { kv, clock, config } = services;
  const stream = await ownStream(kv, actor, streamId);
  if (stream.status === "ended" && clock.now() - Date.parse(stream.endedAt!) > LAST_PART_MS) {
    throw conflict("stream_ended", "This stream ended a while ago: its replay is complete");
  }
  const take = await getTake(kv, streamId, takeId);
  if (!take) throw takeNotFound();
  if (part < take.parts) return take;
  if (part > take.parts) throw partMissing(take);
  if (take.complete) throw takeComplete();
  const bytes = await body();
  if (bytes.length === 0) throw invalid("empty_part", "A part of a replay must not be empty");
  if (part === 0 && !startsLike(take.type, bytes)) {
    throw new DomainError("unsupported", "not_video", `This take's first part is not ${take.type} video`);
  }
  // Counted over the stream's takes together, since its first began: takes sent side by
  // side share one allowance.
  const takes = await listTakes(kv, streamId);
  // Gone while its body arrived: the stream was deleted.
  if (!takes.some((t) => t.id === takeId)) throw takeNotFound();
  const seconds = (clock.now() - Math.min(...takes.map((t) => Date.parse(t.startedAt)))) / 1000;
  const sent = takes.reduce((sum, t) => sum + t.bytes, 0);
  const over = sent + bytes.length - REPLAY_PART_MAX_BYTES - seconds * MAX_BYTES_PER_SECOND;
  if (over > 0) {
    const waitMs = Math.ceil(over / MAX_BYTES_PER_SECOND * 1000);
    throw new DomainError(
      "rate_limited",
      "replay_too_fast",
      "The replay is arriving faster than it is recorded",
      waitMs,
    );
  }
  const quota = config.quotas.replayBytesPerSeller;
  // Checked before writing (and again as it is counted), so a refused part stays off the disk.
  if (await replayUsage(kv, take.sellerId) + bytes.length > quota) throw replayFull(quota);
  await requireDiskRoom(services, bytes.length);
  // One request writes a part at a time: two sent together would write over each other's bytes.
  const by = newId();
  const claim = await claimPart(kv, streamId, takeId, part, by, clock.now());
  if (!claim) throw takeNotFound();
  if (!claim.claimed) {
    if (part < claim.take.parts) return claim.take;
    throw claim.take.complete ? takeComplete() : partBusy();
  }
  // Written where the counted bytes end; counted only once written.
  const path = takePath(config.dataDir, take);
  let committed: Committed | null = null;
  try {
    await writeAt(path, claim.take.bytes, bytes);
    committed = await commitPart(kv, streamId, takeId, part, bytes.length, quota, by);
  } finally {
    if (!committed?.ok) await releasePart(kv, streamId, takeId, by);
  }
  if (!committed) {
    // The stream was deleted as this part was written, its files removed before the write.
    await removeFile(path);
    throw takeNotFound();
  }
  if (committed.ok) return committed.take;
  if (committed.reason === "out_of_order") throw partMissing(committed.take);
  if (committed.reason === "complete") throw takeComplete();
  if (committed.reason === "busy") throw partBusy();
  throw replayFull(quota);
}

/**
 * The studio has sent the take's last part: it takes no more, and from now on is served
 * seekable (its bytes will not change under a player). Saying it again changes nothing.
 */
export async function completeTake(
  services: Services,
  actor: Actor,
  streamId: string,
  takeId: string,
): Promise<Take> {
  requireSeller(actor);
  await spend(services, "replay", actor);
  await ownStream(services.kv, actor, streamId);
  const take = await markComplete(services.kv, streamId, takeId);
  if (!take) throw takeNotFound();
  return take;
}

const takeNotFound = () => notFound("take_not_found", "No such take of this stream's replay");
const takeComplete = () => conflict("take_complete", "This take is complete: start a new one");
// Asked to wait (429): the studio sends it again a moment later, when it is counted or free.
const partBusy = () =>
  new DomainError("rate_limited", "part_busy", "This part is being saved: send it again in a moment", 1_000);
const partMissing = (take: Take) =>
  conflict("part_missing", `Part ${take.parts} of this take is missing: send it first`);
const replayFull = (quota: number) =>
  new DomainError(
    "too_large",
    "replay_full",
    `Your replays take all the room you have (${
      quota / 1_000_000
    } MB): the rest of this one is not recorded. ` +
      "Replays are removed after their days are up.",
  );

/**
 * The ended stream's replay as a player shows it: its takes with anything in them whose
 * file is there (a data folder restored from a backup has none), oldest first; and whether
 * the studio may still be sending its last parts: a take not complete yet, heard from
 * lately, a little while after the end (a studio closed while recording never completes it).
 */
export async function replayOf({ kv, config, clock }: Services, stream: Stream): Promise<ReplaySoFar> {
  if (stream.status !== "ended") return { takes: [], saving: false };
  const now = clock.now();
  const all = await listTakes(kv, stream.id);
  const takes = all.filter((t) => t.bytes > 0);
  const there = await Promise.all(takes.map((t) => hasFile(takePath(config.dataDir, t))));
  return {
    takes: takes.filter((_, i) => there[i]).map((t) => ({
      id: t.id,
      url: `/replays/${t.streamId}/${t.id}`,
      type: t.type,
      bytes: t.bytes,
    })),
    saving: now - Date.parse(stream.endedAt!) < SAVING_MS &&
      all.some((t) =>
        !t.complete && !t.studioLeft && now - (t.heardAt ?? Date.parse(t.startedAt)) < QUIET_MS
      ),
  };
}

/** Anyone's view of a stream's replay: none before its end. */
export async function streamReplay(services: Services, streamId: string): Promise<ReplaySoFar> {
  return await replayOf(services, await findStream(services.kv, streamId));
}

/** Whether the seller chose to record the stream (it has a take). */
export async function isRecorded({ kv }: Services, stream: Stream): Promise<boolean> {
  return (await listTakes(kv, stream.id)).length > 0;
}

/** A take's file, or what the request asked of it: `range` is null for the whole file. */
export type TakeFile =
  & { type: ReplayType; size: number }
  & (
    | { body: ReadableStream<Uint8Array>; range: ByteRange | null }
    /** The range asked for starts past the end. */
    | { body: null; range: "unsatisfiable" }
  );

/**
 * A take of an ended stream's replay as served (seekable, see seekable.ts), whole or the
 * byte range the `Range` header asks for.
 */
export async function openTake(
  { kv, config, clock }: Services,
  streamId: string,
  takeId: string,
  rangeHeader: string | null,
): Promise<TakeFile> {
  const stream = await findStream(kv, streamId);
  const take = stream.status === "ended" ? await getTake(kv, streamId, takeId) : null;
  if (!take || take.bytes === 0) throw takeNotFound();
  const path = takePath(config.dataDir, take);
  // Made seekable only once its bytes are final (its studio said so, or its page is gone, or
  // parts can no longer come): a new head under a playing player would move every byte it asks for.
  const final = take.complete || take.studioLeft ||
    clock.now() - Date.parse(stream.endedAt!) > LAST_PART_MS;
  const file = await served(path, take.type, take.bytes, final);
  const { size } = file;
  const range = byteRange(rangeHeader, size);
  if (range === "unsatisfiable") return { body: null, range, type: take.type, size };
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const body = await readServed(path, file, start, end);
  if (!body) throw takeNotFound();
  return { body, range, type: take.type, size };
}

/** Removes takes recorded longer ago than a replay is kept. */
export async function sweepReplays(services: Services): Promise<void> {
  const before = services.clock.now() - services.config.quotas.replayKeptMs;
  for await (const { value: take } of allTakes(services.kv)) {
    if (Date.parse(take.startedAt) <= before) await removeTake(services, take);
  }
}

/**
 * Removes a deleted stream's whole replay: its folder, with any file written for a take
 * whose record went first, then the takes' records, which give their bytes back.
 */
export async function removeReplay({ kv, config }: Services, streamId: string): Promise<void> {
  await removeStreamFolder(config.dataDir, streamId);
  for (const take of await listTakes(kv, streamId)) await deleteTake(kv, take);
}

/** A take's file, then its record, which gives its bytes back to the seller's quota. */
async function removeTake({ kv, config }: Services, take: Take): Promise<void> {
  await removeFile(takePath(config.dataDir, take));
  await deleteTake(kv, take);
}
