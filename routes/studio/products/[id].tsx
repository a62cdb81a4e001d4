// Edit one product (owner only), or delete it (the form posts to ./delete).
import { ProductFields } from "../../../components/ProductFields.tsx";
import { editProduct, type ProductView, productView } from "../../../lib/catalog.ts";
import { type FormFailure, submitForm } from "../../../lib/forms.ts";
import { type Handlers, page, type PageProps, type RouteConfig } from "../../../lib/fresh/mod.ts";
import { findOwnProduct } from "../../../lib/guards.ts";
import { IMAGE_FORM_BODY_LIMIT } from "../../../lib/images/image_store.ts";
import { StudioProductForm } from "../../../lib/inputs.ts";
import { formatAmount } from "../../../lib/money.ts";
import type { State } from "../../../lib/state.ts";

export const config: RouteConfig = { bodyLimit: IMAGE_FORM_BODY_LIMIT };

interface Data {
  product: ProductView;
  failure?: FormFailure;
}

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

export const handler: Handlers<State> = {
  async GET(ctx) {
    if (!ctx.state.seller) return ctx.hono.redirect("/signin", 303);
    const product = await findOwnProduct(ctx.state, ctx.params.id!);
    return page<Data>({ product: await productView(ctx.state.services.kv, product) });
  },
  async POST(ctx) {
    if (!ctx.state.seller) return ctx.hono.redirect("/signin", 303);
    const product = await findOwnProduct(ctx.state, ctx.params.id!);
    const outcome = await submitForm(
      ctx,
      StudioProductForm,
      (changes) => editProduct(ctx.state, product, changes),
    );
    if (outcome.ok) return ctx.hono.redirect("/studio/products", 303);
    const view = await productView(ctx.state.services.kv, product);
    return page<Data>({ product: view, failure: outcome.failure }, { status: outcome.status });
  },
};

export default function EditProductPage({ data: { product, failure } }: PageProps<Data, State>) {
  return (
    <section>
      <p>
        <a href="/studio/products">← Your products</a>
      </p>
      <h1>{product.name}</h1>
      <form method="post" enctype="multipart/form-data" class="card form">
        {failure && <p class="notice error" role="alert">{failure.error}</p>}
        <ProductFields values={failure?.values ?? valuesOf(product)} imageUrl={product.imageUrl} />
        <button type="submit" class="primary">Save changes</button>
      </form>
      <form method="post" action={`/studio/products/${product.id}/delete`} class="form">
        <button type="submit" class="danger">Delete product</button>
      </form>
    </section>
  );
}
