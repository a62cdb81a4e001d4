import type { ProductCard } from "@/lib/contract/messages.ts";
import { ProductPrice, StockNote } from "./ProductPrice.tsx";

/**
 * A product on one line, as the studio's lists show it: thumbnail, name, list price and
 * stock left, so a seller sees what is sold out before showing it or putting it on sale.
 */
export function ProductLine({ product }: { product: ProductCard }) {
  return (
    <span class="product-line">
      {product.imageUrl
        ? <img class="product-thumb" src={product.imageUrl} alt="" width={48} height={48} loading="lazy" />
        : <span class="product-thumb" aria-hidden="true" />}
      <span>
        <strong>{product.name}</strong> <ProductPrice product={product} sale={null} offset={0} />{" "}
        <StockNote stock={product.stock} />
      </span>
    </span>
  );
}
