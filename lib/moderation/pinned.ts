// The note pinned at the top of a stream's chat, in KV: one record, replaced by the next
// pin and deleted by unpinning. Its versionstamp travels with it, so a late send of an
// older change never replaces a newer one on screen.
import type { PinnedNote } from "@/lib/contract/messages.ts";
import type { ModerationEntry, Pinned } from "@/lib/contract/views.ts";
import { keys } from "@/lib/kv/keys.ts";
import { commitLogged } from "./log.ts";

export async function getPinned(kv: Deno.Kv, streamId: string): Promise<Pinned> {
  const entry = await kv.get<PinnedNote>(keys.pinnedNote(streamId));
  return { note: entry.value, version: entry.versionstamp ?? "" };
}

/** Pins `note` (null unpins) and logs it, in one commit. */
export async function setPinned(
  kv: Deno.Kv,
  ids: { shopId: string; streamId: string },
  note: PinnedNote | null,
  entry: ModerationEntry,
): Promise<Pinned> {
  const key = keys.pinnedNote(ids.streamId);
  const version = await commitLogged(
    kv,
    ids.shopId,
    entry,
    (op) => note ? op.set(key, note) : op.delete(key),
  );
  return { note, version };
}
