// Whether the studio's flash sale still runs: the seller's controls change with it ("End
// sale", "Replace sale"), and when it runs out by itself the studio says so, once.
import { type Signal, useSignal } from "@preact/signals";
import type { FlashSale, ProductCard } from "@/lib/contract/messages.ts";
import { sayFor } from "./say_for.ts";
import { remainingMs } from "./server_clock.ts";
import { useAtEnd } from "./use_now.ts";

/** The sale, while it runs on `product` (the highlight): null when there is none, or once it is over. */
export const runningOn = (product: ProductCard | null, sale: FlashSale | null, offset: number) =>
  product && sale?.productId === product.id && remainingMs(sale.endsAt, offset) > 0 ? sale : null;

/**
 * The sale on `product` while it runs (null once over), re-rendering the caller as it runs
 * out; then "The sale on Canvas tote ended" goes in `said`. A sale ended by a change (its
 * highlight's, "End sale") is said by that change, and one over before the page is not.
 */
export function useRunningSale(
  product: ProductCard | null,
  sale: FlashSale | null,
  offset: number,
  said: Signal<string>,
): FlashSale | null {
  const ends = useSignal(0);
  void ends.value; // Read, so the sale's end renders the caller again.
  const running = runningOn(product, sale, offset);
  useAtEnd([running?.endsAt ?? null], offset, () => {
    ends.value++;
    sayFor(said, `The sale on ${product!.name} ended`);
  });
  return running;
}
