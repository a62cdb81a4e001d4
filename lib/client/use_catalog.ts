// The seller's catalog as the studio's picker shows it: what the page was rendered with,
// what the seller adds from the studio itself, what they added, changed or deleted in
// another tab or window (fetched again as the room tells of it, whenever the studio is
// shown or used again, and when it catches up with its room), and the stock each
// reservation leaves.
import { type Signal, useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { ProductCard } from "@/lib/contract/messages.ts";
import type { ProductView } from "@/lib/contract/views.ts";
import { getJson, postJson } from "./api.ts";
import { liveRoom } from "./live_room.ts";
import { type Action, useAction } from "./use_action.ts";

export interface NewProduct {
  name: string;
  priceMinor: number;
  currency: string;
  stock: number;
}

export interface Catalog {
  products: Signal<ProductCard[]>;
  adding: Action;
  /** Adds a product to the catalog; resolves true once it is there. */
  add(product: NewProduct): Promise<boolean>;
  /** Reads the catalog again (a product found deleted). */
  refresh(): void;
}

const cardOf = ({ id, name, priceMinor, currency, stock, imageUrl }: ProductView): ProductCard => ({
  id,
  name,
  priceMinor,
  currency,
  stock,
  imageUrl,
});

export function useCatalog(initial: ProductCard[]): Catalog {
  const products = useSignal(initial);
  const adding = useAction();
  const read = useRef(() => {});
  useEffect(() => {
    // One read at a time: showing a tab again also focuses its window. A change told of
    // while one runs (products added one after another) is read once more after it, or the
    // last of them would be missing.
    let reading = false;
    let behind = false;
    const refresh = read.current = async () => {
      if (document.visibilityState !== "visible" || reading) return;
      reading = true;
      do {
        behind = false;
        const fresh = await getJson<{ products: ProductView[] }>("/api/products").catch(() => null);
        if (fresh) products.value = fresh.products.map(cardOf);
      } while (behind);
      reading = false;
    };
    const changed = () => {
      behind = true;
      refresh();
    };
    document.addEventListener("visibilitychange", refresh);
    addEventListener("focus", refresh);
    const offs = [
      liveRoom().onResync(refresh),
      // A product added, changed or deleted in another tab (lib/showcase/actions.ts).
      liveRoom().on("changed", changed),
      // A reservation's stock left, so a product unpinned after it is listed with it.
      liveRoom().on(
        "stock",
        ({ productId, stock }) =>
          products.value = products.value.map((p) => p.id === productId ? { ...p, stock } : p),
      ),
    ];
    return () => {
      document.removeEventListener("visibilitychange", refresh);
      removeEventListener("focus", refresh);
      offs.forEach((off) => off());
    };
  }, []);
  return {
    products,
    adding,
    refresh: () => read.current(),
    add: (product) =>
      adding.run(async () => {
        const { product: added } = await postJson<{ product: ProductView }>("/api/products", product);
        products.value = [...products.value, cardOf(added)];
      }),
  };
}
