// Carts in KV: what a viewer means to buy in one stream, as product ids and quantities.
// Prices are not kept: a cart is priced when it is read, so it always shows what the
// products cost now (a flash-sale price only while the sale runs on the highlight).
import type { FlashSale } from "@/lib/contract/messages.ts";
import type { Cart, CartItem } from "@/lib/contract/views.ts";
import type { Product } from "@/lib/catalog/store.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { keys } from "@/lib/kv/keys.ts";

/** What is stored: the lines, in the order they were added. */
export interface StoredCart {
  lines: { productId: string; quantity: number }[];
}

/** An untouched cart goes after a week. */
const CART_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export async function getStoredCart(
  kv: Deno.Kv,
  streamId: string,
  identity: string,
): Promise<Deno.KvEntryMaybe<StoredCart>> {
  return await kv.get<StoredCart>(keys.cart(streamId, identity));
}

/** The unit price of `product` now: the sale's while `sale` is on it and running. */
export function priceOf(
  product: Product,
  sale: FlashSale | null,
  now: number,
): Pick<CartItem, "unitPriceMinor" | "saleEndsAt"> {
  const onSale = sale?.productId === product.id && Date.parse(sale.endsAt) > now;
  return onSale
    ? { unitPriceMinor: sale.salePriceMinor, saleEndsAt: sale.endsAt }
    : { unitPriceMinor: product.priceMinor, saleEndsAt: null };
}

/** The cart priced now; lines whose product is gone are left out. */
export function priceCart(
  stored: StoredCart | null,
  products: Map<string, Product>,
  sale: FlashSale | null,
  now: number,
): Cart {
  const items: CartItem[] = [];
  for (const { productId, quantity } of stored?.lines ?? []) {
    const product = products.get(productId);
    if (!product) continue;
    const { name, priceMinor, currency } = product;
    items.push({
      productId,
      name,
      quantity,
      listPriceMinor: priceMinor,
      currency,
      ...priceOf(product, sale, now),
    });
  }
  // A product's currency changed while in the cart: no one total says what is owed.
  const mixed = new Set(items.map((i) => i.currency)).size > 1;
  return {
    items,
    totalMinor: mixed ? null : items.reduce((sum, i) => sum + i.unitPriceMinor * i.quantity, 0),
  };
}

/**
 * Sets how many of a product the cart holds (0 removes it) after `allow` has seen the
 * cart as it is (the other lines, and how many of the product it held) and said which
 * other lines stay (it may refuse, or drop lines of products gone since); written only
 * if nobody changed the cart meanwhile.
 */
export async function setCartLine(
  kv: Deno.Kv,
  streamId: string,
  identity: string,
  line: { productId: string; quantity: number },
  allow: (others: StoredCart["lines"], had: number) => Promise<StoredCart["lines"]> = (others) =>
    Promise.resolve(others),
): Promise<StoredCart> {
  return await atomically("changing the cart", async () => {
    const entry = await getStoredCart(kv, streamId, identity);
    const lines = entry.value?.lines ?? [];
    const had = lines.find((l) => l.productId === line.productId)?.quantity ?? 0;
    const others = await allow(lines.filter((l) => l.productId !== line.productId), had);
    const cart = { lines: line.quantity === 0 ? others : [...others, line] };
    if (line.quantity === 0 && others.length === lines.length) return { lines }; // Nothing to remove.
    const op = kv.atomic().check(entry).set(keys.cart(streamId, identity), cart, { expireIn: CART_TTL_MS });
    return (await op.commit()).ok ? cart : RETRY;
  });
}
