import type { ProductView } from "@/lib/contract/views.ts";
import type { FormFailure } from "@/lib/server/forms.ts";
import { PageTitle } from "./PageTitle.tsx";
import { ProductFields } from "./ProductFields.tsx";
import { ProductList } from "./ProductList.tsx";

/** The seller's catalog: every product with its image, price and stock, and a form to add one. */
export function CatalogView({ products, failure }: { products: ProductView[]; failure?: FormFailure }) {
  return (
    <section>
      <PageTitle title="Your products" />
      <h1>Your products</h1>
      {products.length
        ? <ProductList products={products} />
        : <p class="muted">No products yet. Add the first one below, then pin it while you are live.</p>}
      <form method="post" enctype="multipart/form-data" class="card form">
        <h2>New product</h2>
        {failure && <p class="notice error" role="alert">{failure.error}</p>}
        <ProductFields values={failure?.values ?? {}} errors={failure?.fields} />
        <button type="submit" class="primary">Add product</button>
      </form>
    </section>
  );
}
