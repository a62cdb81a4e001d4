// What a stream shows of the catalog: the pinned products in order, the highlighted
// one, and the flash sale on it (whose end the server alone decides).
import type { FlashSale } from "@/lib/contract/messages.ts";
import { keys } from "@/lib/kv/keys.ts";
import { type News, queue } from "@/lib/outbox/queue.ts";

export interface StoredShowcase {
  pins: string[];
  highlight: string | null;
  /** The latest flash sale, running or ended, on whatever product. */
  sale: FlashSale | null;
}

/** The showcase as stored, as one read: what a change checks it commits against. */
export interface ReadShowcase extends StoredShowcase {
  /**
   * The versionstamp of the stream's last announced change at that read (every showcase
   * change is one): a message of a change at or before `version` is in it, one after is not.
   */
  version: string;
  /** The highlight's and the sale's entries as read: a change made from them commits only if they still hold. */
  read: Deno.KvEntryMaybe<unknown>[];
}

/** The showcase as stored, read in one snapshot, so its parts and its version agree. */
export async function getStoredShowcase(kv: Deno.Kv, streamId: string): Promise<ReadShowcase> {
  const [pins, highlight, sale, change] = await kv.getMany<[string[], string, FlashSale, string]>([
    keys.pins(streamId),
    keys.highlight(streamId),
    keys.sale(streamId),
    keys.outboxChange(streamId),
  ]);
  return {
    pins: pins.value ?? [],
    highlight: highlight.value,
    sale: sale.value,
    version: change.versionstamp ?? "",
    read: [highlight, sale],
  };
}

export async function getPins(kv: Deno.Kv, streamId: string): Promise<string[]> {
  return (await kv.get<string[]>(keys.pins(streamId))).value ?? [];
}

export async function getHighlight(kv: Deno.Kv, streamId: string): Promise<string | null> {
  return (await kv.get<string>(keys.highlight(streamId))).value;
}

/**
 * The sale that applies: the stream's latest, while its product is the highlighted one
 * (viewers see the sale price only on the highlight, so that is the only place it applies).
 */
export function saleOn(showcase: Pick<StoredShowcase, "highlight" | "sale">): FlashSale | null {
  return showcase.sale && showcase.sale.productId === showcase.highlight ? showcase.sale : null;
}

export async function getSale(kv: Deno.Kv, streamId: string): Promise<FlashSale | null> {
  return saleOn(await getStoredShowcase(kv, streamId));
}

/**
 * Changes the pins, the highlight (null clears it) or the sale (null ends it), with its news
 * in the same commit, if the entries `read` still hold; answers the commit's versionstamp,
 * the `version` its messages carry, or null when one changed meanwhile.
 */
export async function changeShowcase(
  kv: Deno.Kv,
  streamId: string,
  change: Partial<StoredShowcase>,
  news: News[],
  read: Deno.KvEntryMaybe<unknown>[] = [],
): Promise<string | null> {
  const op = kv.atomic().check(...read);
  if (change.pins) op.set(keys.pins(streamId), change.pins);
  if (change.highlight === null) op.delete(keys.highlight(streamId));
  else if (change.highlight) op.set(keys.highlight(streamId), change.highlight);
  if (change.sale === null) op.delete(keys.sale(streamId));
  else if (change.sale) op.set(keys.sale(streamId), change.sale);
  const result = await queue(op, streamId, news).commit();
  return result.ok ? result.versionstamp : null;
}
