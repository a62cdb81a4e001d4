// What a stream shows of the catalog: for now, the flash sale that carts price from.
import type { FlashSale } from "../messages.ts";
import { keys } from "./keys.ts";

/** The stream's latest flash sale, running or ended (compare `endsAt` with the clock). */
export async function getSale(kv: Deno.Kv, streamId: string): Promise<FlashSale | null> {
  return (await kv.get<FlashSale>(keys.sale(streamId))).value;
}
