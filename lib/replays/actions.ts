// Replays: while live, the studio records the seller's camera and microphone in the
// browser and sends it here a few seconds at a time; once the stream has ended, anyone
// with its link plays it back. A recording restarts as a new take when the camera or
// microphone does (a device switch, the camera turned back on, a resumed broadcast), so a
// replay is one or a few takes. Only the stream's seller records, only while it is live
// (and a minute after, for the last piece); a seller keeps at most their quota, each take
// for REPLAY_DAYS.
import type { ReplayTake } from "@/lib/contract/views.ts";
import type { ReplayType } from "@/lib/contract/limits.ts";
import { type Actor, requireSeller } from "@/lib/core/actor.ts";
import { conflict, DomainError, invalid, notFound } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { spend } from "@/lib/limits/limiter.ts";
import { findStream, ownStream } from "@/lib/streams/access.ts";
import { readRange, removeFile, startsLike, takePath, writeAt } from "./files.ts";
import { type ByteRange, byteRange } from "./range.ts";
import { allTakes, commitPart, createTake, deleteTake, getTake, listTakes, type Take } from "./store.ts";

/** Takes one stream may have: a new one per camera restart, so a few in practice. */
const MAX_TAKES = 50;
/** How long after the end the last piece of a recording is still taken. */
const LAST_PART_MS = 60_000;

/** Starts a new take of the seller's own live stream. */
export async function startTake(
  services: Services,
  actor: Actor,
  streamId: string,
  type: ReplayType,
): Promise<Take> {
  requireSeller(actor);
  await spend(services, "replay", actor);
  const { kv, clock } = services;
  const stream = await ownStream(kv, actor, streamId);
  if (stream.status !== "live") {
    throw conflict("stream_not_live", "A replay is recorded only while the stream is live");
  }
  if ((await listTakes(kv, streamId)).length >= MAX_TAKES) {
    throw conflict("too_many_takes", `A replay has at most ${MAX_TAKES} takes`);
  }
  return await createTake(kv, { streamId, sellerId: stream.sellerId, type }, clock.now());
}

/**
 * Adds part `part` to a take: it must be the take's next (a part already counted is
 * answered as it stands, so a retry whose answer was lost does no harm).
 */
export async function addPart(
  services: Services,
  actor: Actor,
  streamId: string,
  takeId: string,
  part: number,
  bytes: Uint8Array,
): Promise<Take> {
  requireSeller(actor);
  await spend(services, "replay", actor);
  const { kv, clock, config } = services;
  const stream = await ownStream(kv, actor, streamId);
  if (stream.status === "ended" && clock.now() - Date.parse(stream.endedAt!) > LAST_PART_MS) {
    throw conflict("stream_ended", "This stream has ended: its replay is complete");
  }
  const take = await getTake(kv, streamId, takeId);
  if (!take) throw takeNotFound();
  if (part < take.parts) return take;
  if (part > take.parts) throw partMissing(take);
  if (bytes.length === 0) throw invalid("empty_part", "A part of a replay must not be empty");
  if (part === 0 && !startsLike(take.type, bytes)) {
    throw new DomainError("unsupported", "not_video", `This take's first part is not ${take.type} video`);
  }
  const quota = config.quotas.replayBytesPerSeller;
  // Written where the counted bytes end; counted only once written.
  await writeAt(takePath(config.dataDir, take), take.bytes, bytes);
  const committed = await commitPart(kv, streamId, takeId, part, bytes.length, quota);
  if (!committed) throw takeNotFound();
  if (committed.ok) return committed.take;
  if (committed.reason === "out_of_order") throw partMissing(committed.take);
  throw new DomainError(
    "too_large",
    "replay_full",
    `Your replays take all the room you have (${
      quota / 1_000_000
    } MB): the rest of this one is not recorded. ` +
      "Replays are removed after their days are up.",
  );
}

const takeNotFound = () => notFound("take_not_found", "No such take of this stream's replay");
const partMissing = (take: Take) =>
  conflict("part_missing", `Part ${take.parts} of this take is missing: send it first`);

/** The stream's replay as a player shows it: its takes with anything in them, oldest first. */
export async function replayOf(kv: Deno.Kv, streamId: string): Promise<ReplayTake[]> {
  return (await listTakes(kv, streamId)).filter((t) => t.bytes > 0).map((t) => ({
    id: t.id,
    url: `/replays/${t.streamId}/${t.id}`,
    type: t.type,
    bytes: t.bytes,
  }));
}

export interface TakeFile {
  body: ReadableStream<Uint8Array>;
  type: string;
  size: number;
  /** The part of the file the body is, when the request asked for one. */
  range: ByteRange | null;
}

/** A take of a stream's replay, whole or the byte range the `Range` header asks for. */
export async function openTake(
  { kv, config }: Services,
  streamId: string,
  takeId: string,
  rangeHeader: string | null,
): Promise<TakeFile> {
  await findStream(kv, streamId);
  const take = await getTake(kv, streamId, takeId);
  if (!take || take.bytes === 0) throw takeNotFound();
  const range = byteRange(rangeHeader, take.bytes);
  if (range === "unsatisfiable") {
    throw new DomainError(
      "unsatisfiable",
      "range_not_satisfiable",
      "That range starts past the end of the video",
    );
  }
  const { start, end } = range ?? { start: 0, end: take.bytes - 1 };
  const body = await readRange(takePath(config.dataDir, take), start, end);
  if (!body) throw takeNotFound();
  return { body, type: take.type, size: take.bytes, range };
}

/** Removes takes recorded longer ago than a replay is kept: their files, then their records. */
export async function sweepReplays({ kv, clock, config }: Services): Promise<void> {
  const before = clock.now() - config.quotas.replayKeptMs;
  for await (const { value: take } of allTakes(kv)) {
    if (Date.parse(take.startedAt) > before) continue;
    await removeFile(takePath(config.dataDir, take));
    await deleteTake(kv, take);
  }
}
