// The showcase as viewers see it: product cards for the pins and the highlight, the flash
// sale on the highlighted product, and the server's clock. Shared by the API, the pages
// and the messages, so a late viewer's fetch and a live update look the same.
import { message, type MessageOf, type ProductCard } from "@/lib/contract/messages.ts";
import type { Showcase } from "@/lib/contract/views.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { getProduct, getStock, imageUrl, type Product } from "@/lib/catalog/store.ts";
import { getStoredShowcase, saleOn, type StoredShowcase } from "./store.ts";

export async function cardOf(kv: Deno.Kv, product: Product): Promise<ProductCard> {
  const { id, name, priceMinor, currency } = product;
  return { id, name, priceMinor, currency, stock: await getStock(kv, id), imageUrl: imageUrl(product) };
}

/** Cards for the products, in order; products deleted since are left out. */
export async function cardsOf(kv: Deno.Kv, productIds: string[]): Promise<ProductCard[]> {
  const products = await Promise.all(productIds.map((id) => getProduct(kv, id)));
  return await Promise.all(products.filter((p) => p !== null).map((p) => cardOf(kv, p)));
}

/** The showcase as viewers see it, from what is stored (or about to be). */
export async function viewOf(
  kv: Deno.Kv,
  stored: StoredShowcase & { version: string },
  now: number,
): Promise<Showcase> {
  const [highlight = null] = stored.highlight ? await cardsOf(kv, [stored.highlight]) : [];
  return {
    pins: await cardsOf(kv, stored.pins),
    highlight,
    // A highlighted product deleted since has no card, and no sale.
    sale: highlight ? saleOn(stored) : null,
    serverNow: isoAt(now),
    version: stored.version,
  };
}

/** The stream's showcase as viewers see it now: a flash sale ends with its stream. */
export async function showcaseOf(
  kv: Deno.Kv,
  stream: { id: string; status: string },
  now: number,
): Promise<Showcase> {
  const showcase = await viewOf(kv, await getStoredShowcase(kv, stream.id), now);
  return stream.status === "ended" ? { ...showcase, sale: null } : showcase;
}

export function highlightMessage(showcase: Showcase): MessageOf<"highlight"> {
  const { highlight: product, sale, serverNow } = showcase;
  return message("highlight", { product, sale, serverNow });
}
