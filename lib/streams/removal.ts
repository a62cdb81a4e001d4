// Deleting a stream: its record goes in one checked commit (store.ts), then everything
// kept for it: chat, likes, carts, reservations, analytics and its replay's files. A
// seller deletes a stream that is not live; a draft never taken live goes by itself
// DRAFT_DAYS after it was made, so nothing a stranger creates is kept forever.
import { cancelHolds } from "@/lib/commerce/actions.ts";
import { isoAt } from "@/lib/core/clock.ts";
import type { Services } from "@/lib/core/services.ts";
import { deleteFamilies } from "@/lib/kv/delete_all.ts";
import { sweepGone } from "@/lib/kv/gone.ts";
import { keys, perStream } from "@/lib/kv/keys.ts";
import { indexedBefore } from "@/lib/kv/time_index.ts";
import { removeReplay } from "@/lib/replays/actions.ts";
import { deleteStream, indexOldDrafts, type Stream } from "./store.ts";

/**
 * Deletes the stream if `may` allows it as it stands, and all kept for it; false when not,
 * "changed" when `unchanged` has (see deleteStream).
 */
export async function removeStream(
  services: Services,
  streamId: string,
  may: (s: Stream) => boolean,
  unchanged?: Deno.KvEntryMaybe<unknown>,
): Promise<boolean | "changed"> {
  const deleted = await deleteStream(services.kv, streamId, may, services.clock.now(), unchanged);
  if (deleted !== true) return deleted;
  await purge(services, streamId);
  return true;
}

/**
 * Removes again what is left for streams deleted in the last day (a removal cut short,
 * writes in flight as it happened), and removes drafts past keeping. Run every hour, in
 * any number of processes: each step is safe to repeat.
 */
export async function sweepStreams(services: Services): Promise<void> {
  const { kv, clock, config } = services;
  await sweepGone(kv, keys.goneStreams(), clock.now(), (streamId) => purge(services, streamId));
  await indexOldDrafts(kv);
  const old = await indexedBefore(kv, keys.drafts(), isoAt(clock.now() - config.quotas.draftKeptMs));
  for (const key of old) {
    // An entry whose stream went live meanwhile (or is gone) just leaves the index.
    if (!await removeStream(services, String(key.at(-1)), isDraft)) await kv.delete(key);
  }
}

const isDraft = (s: Stream) => s.status === "created";

/** Removes everything kept for a deleted stream. */
async function purge(services: Services, streamId: string): Promise<void> {
  const { kv } = services;
  // A hold made as the stream was deleted gives its stock back before its record goes.
  await cancelHolds(services, streamId);
  await removeReplay(services, streamId);
  await deleteFamilies(kv, perStream, streamId);
  // Anyone still in the room (a draft's early viewers) is let go. With LiveKit down, the
  // next sweep tries again; the deletion itself has happened.
  await services.rooms.close(streamId).catch((error) =>
    console.warn(`closing the deleted stream ${streamId}'s room failed; the sweep tries again:`, error)
  );
}
