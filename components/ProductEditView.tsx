import { formatAmount } from "@/lib/contract/money.ts";
import type { ProductView } from "@/lib/contract/views.ts";
import type { FormFailure } from "@/lib/server/forms.ts";
import { PageTitle } from "./PageTitle.tsx";
import { ProductFields } from "./ProductFields.tsx";

/** The product's fields as the form shows them. */
function valuesOf(p: ProductView): Record<string, string> {
  const { name, description, currency } = p;
  return {
    name,
    description,
    currency,
    price: formatAmount(p.priceMinor, p.currency),
    stock: `${p.stock}`,
    buyUrl: p.buyUrl ?? "",
  };
}

/** Edit one product, or delete it (the form posts to ./delete). */
export function ProductEditView({ product, failure }: { product: ProductView; failure?: FormFailure }) {
  return (
    <section>
      <PageTitle title={`Edit ${product.name}`} />
      <p>
        <a class="back-link" href="/studio/products">← Your products</a>
      </p>
      <h1>{product.name}</h1>
      <form method="post" enctype="multipart/form-data" class="card form" novalidate>
        {/* The stock this form shows: saving applies the change to the stock as it is then. */}
        <input type="hidden" name="stockShown" value={failure?.values.stockShown ?? product.stock} />
        <ProductFields
          values={failure?.values ?? valuesOf(product)}
          failure={failure}
          imageUrl={product.imageUrl}
        />
        <button type="submit" class="primary">Save changes</button>
      </form>
      {/* Asks first, without JavaScript: the product leaves every stream it is pinned to. */}
      <details class="confirm-delete">
        <summary role="button">Delete product</summary>
        <form method="post" action={`/studio/products/${product.id}/delete`} class="form">
          <p>Delete “{product.name}” for good? It leaves every stream it is pinned to.</p>
          <button type="submit" class="danger">Yes, delete it</button>
        </form>
      </details>
    </section>
  );
}
