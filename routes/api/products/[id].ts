import { editProduct, productView, removeProduct } from "../../../lib/catalog.ts";
import { type Handlers, readJsonOrForm, type RouteConfig } from "../../../lib/fresh/mod.ts";
import { findOwnProduct, findProduct } from "../../../lib/guards.ts";
import { IMAGE_UPLOAD_BODY_LIMIT } from "../../../lib/images/image_store.ts";
import { ProductFormPatch, ProductPatch } from "../../../lib/inputs.ts";
import type { State } from "../../../lib/state.ts";

// Room for one image (at most 5 MB) and the other fields.
export const config: RouteConfig = { bodyLimit: IMAGE_UPLOAD_BODY_LIMIT };

/**
 * GET: a product as anyone may see it. PATCH (JSON, or a multipart form with an optional
 * new `image`), DELETE: its owner only.
 */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const product = await findProduct(ctx.state, ctx.params.id!);
    return ctx.hono.json({ product: await productView(ctx.state.services.kv, product) });
  },
  async PATCH(ctx) {
    const product = await findOwnProduct(ctx.state, ctx.params.id!);
    const changes = await readJsonOrForm(ctx, ProductPatch, ProductFormPatch);
    const updated = await editProduct(ctx.state, product, changes);
    return ctx.hono.json({ product: await productView(ctx.state.services.kv, updated) });
  },
  async DELETE(ctx) {
    const product = await findOwnProduct(ctx.state, ctx.params.id!);
    await removeProduct(ctx.state, product);
    return new Response(null, { status: 204 });
  },
};
