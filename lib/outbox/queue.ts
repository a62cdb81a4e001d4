// The outbox: what a change tells the room is written in the same KV commit as the change
// itself, so it can never be lost between the two (architecture decision 10). The sender
// (./sender.ts) delivers it to LiveKit afterwards, in order per stream, until LiveKit
// takes it. Writing the tick key wakes the senders of every app process (kv.watch).
import type { AnyMessage } from "@/lib/contract/messages.ts";
import { newId } from "@/lib/kv/ids.ts";
import { keys } from "@/lib/kv/keys.ts";

/** Something to tell a stream's room, or to do to it. */
export type News =
  /** A message for everyone in the room, only the seller's studio connections, or one person's connections. */
  | { message: AnyMessage; to?: "hosts" | { person: string } }
  /** Close the room: everyone is let go (the stream ended). */
  | { close: true };

/** The last `seq` a message to the stream's room was given (0: none yet). */
export async function lastSeq(kv: Deno.Kv, streamId: string): Promise<number> {
  return (await kv.get<number>(keys.outboxSeq(streamId))).value ?? 0;
}

/**
 * Where the stream's news stands: the last `seq` sent, and the last change committed (an
 * id). While both stay, the stream's state has not moved but for what changes unannounced.
 */
export interface NewsMark {
  seq: number;
  change: string;
}

export async function newsMark(kv: Deno.Kv, streamId: string): Promise<NewsMark> {
  const [seq, change] = await kv.getMany<[number, string]>([
    keys.outboxSeq(streamId),
    keys.outboxChange(streamId),
  ]);
  return { seq: seq.value ?? 0, change: change.value ?? "" };
}

/** Adds the news to `op`, so it commits (or not) with the change it tells of. */
export function queue(op: Deno.AtomicOperation, streamId: string, news: News[]): Deno.AtomicOperation {
  for (const item of news) op.set(keys.outbox(streamId, newId()), item);
  if (news.length) op.set(keys.outboxTick(), newId()).set(keys.outboxChange(streamId), newId());
  return op;
}
