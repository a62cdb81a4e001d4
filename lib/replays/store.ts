// A stream's replay in KV: its takes, each counting the bytes and parts on disk that are
// committed, and what each seller keeps for their quota. A part counts once its bytes
// are on disk and its commit checked that nothing else counted it first.
import { isoAt } from "@/lib/core/clock.ts";
import type { ReplayType } from "@/lib/contract/limits.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { newId } from "@/lib/kv/ids.ts";
import { keys } from "@/lib/kv/keys.ts";

export interface Take {
  id: string;
  streamId: string;
  sellerId: string;
  type: ReplayType;
  /** Committed bytes: the file may hold more (a part written, then not committed), never fewer. */
  bytes: number;
  /** Committed parts; the next part sent must be this one. */
  parts: number;
  startedAt: string;
  /** When its last counted part came (ms): a take not heard from for a while is no longer being sent. */
  heardAt?: number;
  /** Set when the studio has sent its last part: it takes no more, and is served seekable. */
  complete?: boolean;
  /** The LiveKit connection of the studio page recording it, as that page said when starting it. */
  studio?: string;
  /** Set when that page was closed or reloaded while live: nothing more can come of it. */
  studioLeft?: boolean;
  /** The request writing the next part, and since when: one at a time, so the bytes counted are the bytes written. */
  writing?: { by: string; since: number };
}

// A write not counted by then was lost with its process: another may take its place.
const WRITE_MS = 60_000;

/** A new, empty take of the stream's replay. */
export async function createTake(
  kv: Deno.Kv,
  input: Pick<Take, "streamId" | "sellerId" | "type" | "studio">,
  now: number,
): Promise<Take> {
  const take: Take = { id: newId(), ...input, bytes: 0, parts: 0, startedAt: isoAt(now) };
  await kv.set(keys.take(take.streamId, take.id), take);
  return take;
}

export async function getTake(kv: Deno.Kv, streamId: string, takeId: string): Promise<Take | null> {
  return (await kv.get<Take>(keys.take(streamId, takeId))).value;
}

/** The stream's takes, oldest first. */
export async function listTakes(kv: Deno.Kv, streamId: string): Promise<Take[]> {
  return await Array.fromAsync(kv.list<Take>({ prefix: keys.takesOf(streamId) }), (e) => e.value);
}

/** Every take of every stream, oldest first within each stream. */
export function allTakes(kv: Deno.Kv): AsyncIterable<Deno.KvEntry<Take>> {
  return kv.list<Take>({ prefix: keys.allTakes() });
}

export type Committed = { ok: true; take: Take } | {
  ok: false;
  reason: "out_of_order" | "quota" | "complete" | "busy";
  take: Take;
};

/**
 * Claims the writing of part `part` for request `by`: the take as it stands, with
 * `claimed` false when the part is no longer the next, or another request is writing it;
 * null when there is no such take.
 */
export async function claimPart(
  kv: Deno.Kv,
  streamId: string,
  takeId: string,
  part: number,
  by: string,
  now: number,
): Promise<{ take: Take; claimed: boolean } | null> {
  return await atomically("saving the replay", async () => {
    const entry = await kv.get<Take>(keys.take(streamId, takeId));
    const take = entry.value;
    if (!take) return null;
    const busy = take.writing && now - take.writing.since < WRITE_MS;
    if (part !== take.parts || take.complete || busy) return { take, claimed: false };
    const claimed = { ...take, writing: { by, since: now } };
    return (await kv.atomic().check(entry).set(entry.key, claimed).commit()).ok
      ? { take, claimed: true }
      : RETRY;
  });
}

/**
 * Counts part `part` of `bytes` bytes, if it is the take's next and the seller's quota has
 * room; a part already counted is answered with the take as it is (a retry of a part
 * whose answer was lost).
 */
export async function commitPart(
  kv: Deno.Kv,
  streamId: string,
  takeId: string,
  part: number,
  bytes: number,
  quota: number,
  by: string,
): Promise<Committed | null> {
  return await atomically("saving the replay", async () => {
    const entry = await kv.get<Take>(keys.take(streamId, takeId));
    const take = entry.value;
    if (!take) return null;
    if (part < take.parts) return { ok: true, take };
    if (part > take.parts) return { ok: false, reason: "out_of_order", take };
    if (take.complete) return { ok: false, reason: "complete", take };
    // Its claim ran out and another request took the part over: that one counts.
    if (take.writing?.by !== by) return { ok: false, reason: "busy", take };
    const usage = await kv.get<number>(keys.replayUsage(take.sellerId));
    const used = (usage.value ?? 0) + bytes;
    if (used > quota) return { ok: false, reason: "quota", take };
    const { writing, ...counted } = take;
    const next = { ...counted, bytes: take.bytes + bytes, parts: take.parts + 1, heardAt: writing.since };
    const op = kv.atomic().check(entry, usage)
      .set(entry.key, next)
      .set(usage.key, used);
    return (await op.commit()).ok ? { ok: true, take: next } : RETRY;
  });
}

/** Gives up the claim of request `by` (its part was not counted), so a retry may write it. */
export async function releasePart(kv: Deno.Kv, streamId: string, takeId: string, by: string): Promise<void> {
  await atomically("saving the replay", async () => {
    const entry = await kv.get<Take>(keys.take(streamId, takeId));
    if (entry.value?.writing?.by !== by) return null;
    const { writing: _, ...released } = entry.value;
    return (await kv.atomic().check(entry).set(entry.key, released).commit()).ok ? null : RETRY;
  });
}

/** Marks the take as having all its parts; null when there is no such take. */
export async function completeTake(kv: Deno.Kv, streamId: string, takeId: string): Promise<Take | null> {
  return await setFlag(kv, streamId, takeId, "complete");
}

/** Marks the takes recorded by the studio connection `studio` as having lost their page. */
export async function markStudioLeft(kv: Deno.Kv, streamId: string, studio: string): Promise<void> {
  for (const take of await listTakes(kv, streamId)) {
    if (take.studio === studio) await setFlag(kv, streamId, take.id, "studioLeft");
  }
}

/** Sets one of the take's flags (set already, it changes nothing); null when there is no such take. */
async function setFlag(
  kv: Deno.Kv,
  streamId: string,
  takeId: string,
  flag: "complete" | "studioLeft",
): Promise<Take | null> {
  return await atomically("saving the replay", async () => {
    const entry = await kv.get<Take>(keys.take(streamId, takeId));
    if (!entry.value) return null;
    if (entry.value[flag]) return entry.value;
    const set = { ...entry.value, [flag]: true };
    return (await kv.atomic().check(entry).set(entry.key, set).commit()).ok ? set : RETRY;
  });
}

/** Bytes of replay the seller keeps. */
export async function replayUsage(kv: Deno.Kv, sellerId: string): Promise<number> {
  return (await kv.get<number>(keys.replayUsage(sellerId))).value ?? 0;
}

/** Forgets the take and gives its bytes back to its seller's quota. */
export async function deleteTake(kv: Deno.Kv, take: Take): Promise<void> {
  await atomically("removing a replay", async () => {
    const [entry, usage] = await kv.getMany<[Take, number]>([
      keys.take(take.streamId, take.id),
      keys.replayUsage(take.sellerId),
    ]);
    if (!entry.value) return undefined;
    const op = kv.atomic().check(entry, usage)
      .delete(entry.key)
      .set(usage.key, Math.max(0, (usage.value ?? 0) - entry.value.bytes));
    return (await op.commit()).ok ? undefined : RETRY;
  });
}
