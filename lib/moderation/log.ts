// A shop's moderation log: who did what, when, for its seller to read. Each entry is
// written in the same atomic commit as the change it records, so none goes unlogged, and
// with what the seller's studio (and the room, for what everyone sees) hears of it.
import { MODERATION_LOG_SIZE } from "@/lib/contract/limits.ts";
import type { ModerationEntry } from "@/lib/contract/views.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { newId } from "@/lib/kv/ids.ts";
import { keys } from "@/lib/kv/keys.ts";
import { type News, queue } from "@/lib/outbox/queue.ts";
import { loggedNews } from "./tell.ts";

/** The log is kept a year, like chat. */
const LOG_TTL_MS = 365 * 24 * 60 * 60 * 1000;

/** A new entry: `by` did `action` (to `target`, with `detail`) at `now`. */
export function logEntry(
  by: string,
  action: ModerationEntry["action"],
  now: number,
  about: { target?: string; detail?: string } = {},
): ModerationEntry {
  return {
    id: newId(),
    at: isoAt(now),
    by,
    action,
    target: about.target ?? null,
    detail: about.detail ?? null,
  };
}

/** Where a change is logged, and who hears of it. */
export interface LogPlace {
  shopId: string;
  /** The stream whose studio hears of it (where it happened, or the one the shop is live with); null: none. */
  streamId: string | null;
  /** What the stream's room hears besides (messages removed, the pinned note). */
  news?: News[];
}

/** Adds the entry, and its news, to an atomic operation that makes the change it records. */
export function withLog(
  op: Deno.AtomicOperation,
  { shopId, streamId, news = [] }: LogPlace,
  entry: ModerationEntry,
): Deno.AtomicOperation {
  op.set(keys.moderationLog(shopId, entry.id), entry, { expireIn: LOG_TTL_MS });
  return streamId ? queue(op, streamId, [...news, loggedNews(entry)]) : op;
}

/** Commits an unconditional change with its entry and news. */
export async function commitLogged(
  kv: Deno.Kv,
  place: LogPlace,
  entry: ModerationEntry,
  change: (op: Deno.AtomicOperation) => Deno.AtomicOperation,
): Promise<void> {
  if (!await commitLoggedIf(kv, place, entry, change)) throw new Error("An unconditional commit failed");
}

/** Commits a change with its entry and news unless a check `change` adds fails: whether it did. */
export async function commitLoggedIf(
  kv: Deno.Kv,
  place: LogPlace,
  entry: ModerationEntry,
  change: (op: Deno.AtomicOperation) => Deno.AtomicOperation,
): Promise<boolean> {
  return (await withLog(change(kv.atomic()), place, entry).commit()).ok;
}

/**
 * Deletes the record at `key` (with whatever `alongside` adds) and logs it, in one commit
 * retried on a race; the record, or null when there was none (or none that `holds`: an
 * ended timeout KV has not removed yet).
 */
export async function takeLogged<T>(
  kv: Deno.Kv,
  place: LogPlace,
  key: Deno.KvKey,
  entryFor: (record: T) => ModerationEntry,
  alongside: (op: Deno.AtomicOperation, record: T) => Promise<unknown> | unknown = () => {},
  holds: (record: T) => boolean = () => true,
): Promise<T | null> {
  return await atomically("moderating", async () => {
    const entry = await kv.get<T>(key);
    if (entry.value === null || !holds(entry.value)) return null;
    const op = kv.atomic().check(entry).delete(key);
    await alongside(op, entry.value);
    return (await withLog(op, place, entryFor(entry.value)).commit()).ok ? entry.value : RETRY;
  });
}

/** The newest entries, newest first. */
export async function listLog(kv: Deno.Kv, shopId: string): Promise<ModerationEntry[]> {
  const entries: ModerationEntry[] = [];
  const list = kv.list<ModerationEntry>({ prefix: keys.moderationLogOf(shopId) }, {
    reverse: true,
    limit: MODERATION_LOG_SIZE,
  });
  for await (const e of list) entries.push(e.value);
  return entries;
}
