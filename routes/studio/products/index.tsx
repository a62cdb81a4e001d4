// The seller's catalog: every product with its image, price and stock, and a form to add one.
import { CatalogView } from "@/components/CatalogView.tsx";
import * as catalog from "@/lib/catalog/actions.ts";
import { IMAGE_FORM_BODY_LIMIT } from "@/lib/catalog/images.ts";
import { StudioProductForm } from "@/lib/catalog/inputs.ts";
import type { ProductView } from "@/lib/contract/views.ts";
import { type PageProps, readQuery, type RouteConfig } from "@/lib/fresh/mod.ts";
import { type ProductDone, ProductDoneQuery } from "@/lib/pages/inputs.ts";
import { type FormPage, sellerFormPage } from "@/lib/server/form_page.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

export const config: RouteConfig = { bodyLimit: IMAGE_FORM_BODY_LIMIT };

export const handler = sellerFormPage({
  load: async (ctx) => ({
    products: await catalog.listOwn(ctx.state.services, askerOf(ctx)),
    done: readQuery(ctx, ProductDoneQuery).done,
  }),
  schema: StudioProductForm,
  submit: (ctx, input) => catalog.add(ctx.state.services, askerOf(ctx), input),
  done: () => "/studio/products?done=added",
});

export default function Catalog(
  { data }: PageProps<FormPage<{ products: ProductView[]; done: ProductDone }>, State>,
) {
  return <CatalogView products={data.data.products} done={data.data.done} failure={data.failure} />;
}
