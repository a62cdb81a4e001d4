// What the studio says a showcase change did, in a few plain words, for a screen reader
// to read out once it succeeded ("Pinned Linen shirt").
import type { FlashSale, ProductCard } from "@/lib/contract/messages.ts";
import { timeoutWords } from "@/lib/contract/limits.ts";
import { formatPrice } from "@/lib/contract/money.ts";

const ORDINALS = ["1st", "2nd", "3rd"];

/** "Moved Linen shirt up, to 2nd": its place as people say it. */
export const movedWords = (product: ProductCard, from: number, to: number) =>
  `Moved ${product.name} ${to < from ? "up" : "down"}, to ${ORDINALS[to] ?? `${to + 1}th`}`;

/** "Flash sale on Linen shirt: €39.00 for 1 minute". */
export function saleWords(product: ProductCard, sale: FlashSale, durationSeconds: number): string {
  const lasts = durationSeconds < 60 ? `${durationSeconds} seconds` : timeoutWords(durationSeconds / 60);
  return `Flash sale on ${product.name}: ${formatPrice(sale.salePriceMinor, product.currency)} for ${lasts}`;
}
