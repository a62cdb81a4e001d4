// A stream's analytics: counters bumped with KV's atomic `sum` (no read, so racing
// bumps never conflict), a set of the viewer identities that ever joined, and what other
// stores already keep (the viewer peak, the like count), read together for the seller.
import { REACTION_EMOJI } from "@/lib/contract/limits.ts";
import type { ReactionCounts, StreamAnalytics } from "@/lib/contract/views.ts";
import { keys } from "@/lib/kv/keys.ts";
import { getLikes } from "@/lib/audience/likes.ts";
import { getViewerCount } from "@/lib/audience/viewers.ts";

/** The counters the app bumps as things happen in a stream. */
export const COUNTERS = [
  "chatMessages",
  "sheetOpens",
  "reservations",
  "unitsReserved",
  "uniqueViewers",
] as const;
export type Counter = (typeof COUNTERS)[number];

/** Adds the bumps to `op`, so they land in the same commit as what they count. */
export function bumpIn(
  op: Deno.AtomicOperation,
  streamId: string,
  bumps: Partial<Record<Counter, number>>,
): Deno.AtomicOperation {
  for (const [name, by] of Object.entries(bumps)) op.sum(keys.statCounter(streamId, name), BigInt(by));
  return op;
}

/** A counter as stored, for a commit to check that it has not moved since. */
export async function counterEntry(
  kv: Deno.Kv,
  streamId: string,
  counter: Counter,
): Promise<Deno.KvEntryMaybe<unknown>> {
  return await kv.get(keys.statCounter(streamId, counter));
}

/** Adds one to a counter. */
export async function bump(kv: Deno.Kv, streamId: string, counter: Counter): Promise<void> {
  await bumpIn(kv.atomic(), streamId, { [counter]: 1 }).commit();
}

const reactionCounter = (streamId: string, emoji: string) => keys.statCounter(streamId, `reactions ${emoji}`);

/** Adds reactions to `op`, in the commit that adds them to the tally the room hears. */
export function countReactionsIn(op: Deno.AtomicOperation, streamId: string, counts: ReactionCounts): void {
  for (const [emoji, n] of Object.entries(counts)) op.sum(reactionCounter(streamId, emoji), BigInt(n));
}

/** The reactions sent in the stream so far, by emoji. */
export async function getReactionCounts(kv: Deno.Kv, streamId: string): Promise<ReactionCounts> {
  const entries = await kv.getMany<Deno.KvU64[]>(
    REACTION_EMOJI.map((emoji) => reactionCounter(streamId, emoji)),
  );
  return Object.fromEntries(
    REACTION_EMOJI.flatMap((emoji, i) => entries[i]!.value ? [[emoji, Number(entries[i]!.value.value)]] : []),
  );
}

/** A visitor's mark is kept a month: long after the stream, whose count of them stays. */
const VISITOR_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Records that `identity` joined the stream's room; counted once however often it comes back. */
export async function recordVisitor(kv: Deno.Kv, streamId: string, identity: string): Promise<void> {
  const key = keys.visitor(streamId, identity);
  // Fails only when the identity is already recorded (maybe by a racing repeat of the webhook).
  const op = kv.atomic().check({ key, versionstamp: null }).set(key, true, { expireIn: VISITOR_TTL_MS });
  await bumpIn(op, streamId, { uniqueViewers: 1 }).commit();
}

export async function getAnalytics(kv: Deno.Kv, streamId: string): Promise<StreamAnalytics> {
  const entries = await kv.getMany<Deno.KvU64[]>(COUNTERS.map((name) => keys.statCounter(streamId, name)));
  const counts = Object.fromEntries(
    COUNTERS.map((name, i) => [name, Number(entries[i]!.value?.value ?? 0n)]),
  );
  const [viewers, likes, reactions] = await Promise.all([
    getViewerCount(kv, streamId),
    getLikes(kv, streamId),
    getReactionCounts(kv, streamId),
  ]);
  return {
    peakViewers: viewers.peak,
    uniqueViewers: counts.uniqueViewers!,
    chatMessages: counts.chatMessages!,
    likes: likes.count,
    sheetOpens: counts.sheetOpens!,
    reservations: counts.reservations!,
    unitsReserved: counts.unitsReserved!,
    reactions: Object.values(reactions).reduce((sum, n) => sum + n, 0),
  };
}
