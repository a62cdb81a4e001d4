// The seller's catalog: every product with its image, price and stock, and a form to add one.
import { ProductFields } from "../../../components/ProductFields.tsx";
import { ProductList } from "../../../components/ProductList.tsx";
import { addProduct, type ProductView, productView } from "../../../lib/catalog.ts";
import { type FormFailure, submitForm } from "../../../lib/forms.ts";
import { type Handlers, page, type PageProps, type RouteConfig } from "../../../lib/fresh/mod.ts";
import { IMAGE_FORM_BODY_LIMIT } from "../../../lib/images/image_store.ts";
import { StudioProductForm } from "../../../lib/inputs.ts";
import type { State } from "../../../lib/state.ts";
import { listSellerProducts } from "../../../lib/store/products.ts";

export const config: RouteConfig = { bodyLimit: IMAGE_FORM_BODY_LIMIT };

interface Data {
  products: ProductView[];
  failure?: FormFailure;
}

async function catalogOf(state: State, sellerId: string): Promise<ProductView[]> {
  const { kv } = state.services;
  return await Promise.all((await listSellerProducts(kv, sellerId)).map((p) => productView(kv, p)));
}

export const handler: Handlers<State> = {
  async GET(ctx) {
    if (!ctx.state.seller) return ctx.hono.redirect("/signin", 303);
    return page<Data>({ products: await catalogOf(ctx.state, ctx.state.seller.id) });
  },
  async POST(ctx) {
    const seller = ctx.state.seller;
    if (!seller) return ctx.hono.redirect("/signin", 303);
    const outcome = await submitForm(ctx, StudioProductForm, (input) => addProduct(ctx.state, seller, input));
    if (outcome.ok) return ctx.hono.redirect("/studio/products", 303);
    const products = await catalogOf(ctx.state, seller.id);
    return page<Data>({ products, failure: outcome.failure }, { status: outcome.status });
  },
};

export default function CatalogPage({ data: { products, failure } }: PageProps<Data, State>) {
  return (
    <section>
      <h1>Your products</h1>
      {products.length
        ? <ProductList products={products} />
        : <p class="muted">No products yet. Add the first one below, then pin it while you are live.</p>}
      <form method="post" enctype="multipart/form-data" class="card form">
        <h2>New product</h2>
        {failure && <p class="notice error" role="alert">{failure.error}</p>}
        <ProductFields values={failure?.values ?? {}} />
        <button type="submit" class="primary">Add product</button>
      </form>
    </section>
  );
}
