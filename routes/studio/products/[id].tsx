// Edit one product (owner only), or delete it (the form posts to ./delete).
import { ProductEditView } from "@/components/ProductEditView.tsx";
import * as catalog from "@/lib/catalog/actions.ts";
import { IMAGE_FORM_BODY_LIMIT } from "@/lib/catalog/images.ts";
import { StudioProductForm } from "@/lib/catalog/inputs.ts";
import type { PageProps, RouteConfig } from "@/lib/fresh/mod.ts";
import { type ProductEditPage, productEditPage } from "@/lib/pages/product_edit.ts";
import { type FormPage, sellerFormPage } from "@/lib/server/form_page.ts";
import { askerOf } from "@/lib/server/identity.ts";
import type { State } from "@/lib/server/state.ts";

export const config: RouteConfig = { bodyLimit: IMAGE_FORM_BODY_LIMIT };

export const handler = sellerFormPage({
  load: (ctx) => productEditPage(ctx.state.services, askerOf(ctx), ctx.params.id!),
  schema: StudioProductForm,
  submit: (ctx, changes) => catalog.edit(ctx.state.services, askerOf(ctx), ctx.params.id!, changes),
  done: () => "/studio/products?done=saved",
});

export default function EditProduct({ data }: PageProps<FormPage<ProductEditPage>, State>) {
  return <ProductEditView page={data.data} failure={data.failure} />;
}
