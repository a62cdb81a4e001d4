import type { ProductView } from "@/lib/contract/views.ts";
import { formatPrice } from "@/lib/contract/money.ts";

/** The seller's catalog: thumbnail, name, price in the product's currency and stock, each linking to its edit page. */
export function ProductList({ products }: { products: ProductView[] }) {
  return (
    <ul class="product-list">
      {products.map((p) => (
        <li key={p.id} class="card product-card" data-product-id={p.id}>
          <a href={`/studio/products/${p.id}`}>
            {p.imageUrl
              ? <img class="product-thumb" src={p.imageUrl} alt="" width={64} height={64} loading="lazy" />
              : <span class="product-thumb empty" aria-hidden="true" />}
            <strong dir="auto">{p.name}</strong>
            <span class="price">{formatPrice(p.priceMinor, p.currency)}</span>
            <span class={p.stock === 0 ? "stock sold-out" : "stock"}>
              {p.stock === 0 ? "Sold out" : `${p.stock} in stock`}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
