import type { ProductView } from "@/lib/contract/views.ts";
import type { ProductDone } from "@/lib/pages/inputs.ts";
import type { FormFailure } from "@/lib/server/forms.ts";
import { PageTitle } from "./PageTitle.tsx";
import { ProductFields } from "./ProductFields.tsx";
import { ProductList } from "./ProductList.tsx";

const DONE = { added: "Product added.", saved: "Changes saved.", deleted: "Product deleted." };

/**
 * The seller's catalog: every product with its image, price and stock, and a form to add
 * one; it confirms what the seller just did here or on a product's page. A refused form
 * comes before the catalog, so its error shows at the top however long the catalog is.
 */
export function CatalogView(
  { products, done, failure }: { products: ProductView[]; done?: ProductDone; failure?: FormFailure },
) {
  const form = (
    <form method="post" enctype="multipart/form-data" class="card form" novalidate>
      <h2>New product</h2>
      <ProductFields values={failure?.values ?? {}} failure={failure} />
      <button type="submit" class="primary">Add product</button>
    </form>
  );
  // With no catalog, "No products yet" stays above the form as on a normal load: it says what the form is for.
  const formFirst = !!failure && products.length > 0;
  return (
    <section>
      <PageTitle title="Your products" />
      <h1>Your products</h1>
      {done && !failure && <p class="notice ok" role="status">{DONE[done]}</p>}
      {formFirst && form}
      {products.length ? <ProductList products={products} /> : (
        <p class="muted">
          No products yet. Add the first one with the form, then pin it while you are live.
        </p>
      )}
      {!formFirst && form}
    </section>
  );
}
