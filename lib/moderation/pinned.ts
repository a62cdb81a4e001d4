// The note pinned at the top of a stream's chat, in KV: one record, replaced by the next
// pin and deleted by unpinning, with the room's "announcement" in the same commit. Its
// versionstamp travels with it (the outbox sends the commit's), so a late send of an
// older change never replaces a newer one on screen.
import type { PinnedNote } from "@/lib/contract/messages.ts";
import type { ModerationEntry, Pinned } from "@/lib/contract/views.ts";
import { keys } from "@/lib/kv/keys.ts";
import { message } from "@/lib/contract/messages.ts";
import { withLog } from "./log.ts";

export async function getPinned(kv: Deno.Kv, streamId: string): Promise<Pinned> {
  const entry = await kv.get<PinnedNote>(keys.pinnedNote(streamId));
  return { note: entry.value, version: entry.versionstamp ?? "" };
}

/** Pins `note` (null unpins), logs it and announces it, in one commit. */
export async function setPinned(
  kv: Deno.Kv,
  ids: { shopId: string; streamId: string },
  note: PinnedNote | null,
  entry: ModerationEntry,
): Promise<Pinned> {
  const key = keys.pinnedNote(ids.streamId);
  const op = note ? kv.atomic().set(key, note) : kv.atomic().delete(key);
  const news = [{ message: message("announcement", { note }) }];
  const result = await withLog(op, { ...ids, news }, entry).commit();
  if (!result.ok) throw new Error("An unconditional commit failed");
  return { note, version: result.versionstamp };
}
