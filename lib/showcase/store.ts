// What a stream shows of the catalog: the pinned products in order, the highlighted
// one, and the flash sale on it (whose end the server alone decides).
import type { FlashSale } from "@/lib/contract/messages.ts";
import { keys } from "@/lib/kv/keys.ts";

export async function getPins(kv: Deno.Kv, streamId: string): Promise<string[]> {
  return (await kv.get<string[]>(keys.pins(streamId))).value ?? [];
}

export async function setPins(kv: Deno.Kv, streamId: string, productIds: string[]): Promise<void> {
  await kv.set(keys.pins(streamId), productIds);
}

export async function getHighlight(kv: Deno.Kv, streamId: string): Promise<string | null> {
  return (await kv.get<string>(keys.highlight(streamId))).value;
}

/** Highlights a product, or clears the highlight with null. */
export async function setHighlight(kv: Deno.Kv, streamId: string, productId: string | null): Promise<void> {
  if (productId) await kv.set(keys.highlight(streamId), productId);
  else await kv.delete(keys.highlight(streamId));
}

/**
 * The stream's latest flash sale, running or ended (compare `endsAt` with the clock), while
 * its product is the highlighted one: viewers see the sale price only on the highlight, so
 * that is the only place it applies.
 */
export async function getSale(kv: Deno.Kv, streamId: string): Promise<FlashSale | null> {
  const [sale, highlight] = await kv.getMany<[FlashSale, string]>([
    keys.sale(streamId),
    keys.highlight(streamId),
  ]);
  return sale.value && sale.value.productId === highlight.value ? sale.value : null;
}

export async function startSale(kv: Deno.Kv, streamId: string, sale: FlashSale): Promise<void> {
  await kv.set(keys.sale(streamId), sale);
}
