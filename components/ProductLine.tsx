import type { ProductCard } from "@/lib/contract/messages.ts";
import { ProductPrice } from "./ProductPrice.tsx";

/** A product on one line, as the studio's lists show it: thumbnail, name and list price. */
export function ProductLine({ product }: { product: ProductCard }) {
  return (
    <span class="product-line">
      {product.imageUrl
        ? <img class="product-thumb" src={product.imageUrl} alt="" width={48} height={48} loading="lazy" />
        : <span class="product-thumb" aria-hidden="true" />}
      <span>
        <strong>{product.name}</strong> <ProductPrice product={product} sale={null} offset={0} />
      </span>
    </span>
  );
}
