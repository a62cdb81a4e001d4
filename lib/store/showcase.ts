// What a stream shows of the catalog: pinned products, the highlighted one, and the
// flash sale on it. Reads here; the writes live beside the routes that change them.
import type { FlashSale } from "../messages.ts";
import { keys } from "./keys.ts";

export async function getPins(kv: Deno.Kv, streamId: string): Promise<string[]> {
  return (await kv.get<string[]>(keys.pins(streamId))).value ?? [];
}

export async function getHighlight(kv: Deno.Kv, streamId: string): Promise<string | null> {
  return (await kv.get<string>(keys.highlight(streamId))).value;
}

/** The stream's latest flash sale, running or ended (compare `endsAt` with the clock). */
export async function getSale(kv: Deno.Kv, streamId: string): Promise<FlashSale | null> {
  return (await kv.get<FlashSale>(keys.sale(streamId))).value;
}
