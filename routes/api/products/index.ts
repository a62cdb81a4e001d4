import { addProduct, productView } from "../../../lib/catalog.ts";
import { type Handlers, readJsonOrForm, type RouteConfig } from "../../../lib/fresh/mod.ts";
import { requireSeller } from "../../../lib/guards.ts";
import { IMAGE_UPLOAD_BODY_LIMIT } from "../../../lib/images/image_store.ts";
import { ProductForm, ProductInput } from "../../../lib/inputs.ts";
import type { State } from "../../../lib/state.ts";
import { listSellerProducts } from "../../../lib/store/products.ts";

// Room for one image (at most 5 MB) and the other fields.
export const config: RouteConfig = { bodyLimit: IMAGE_UPLOAD_BODY_LIMIT };

/**
 * GET: the signed-in seller's catalog. POST: adds a product, from JSON (no image) or a
 * multipart form with an optional `image` file.
 */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const seller = requireSeller(ctx.state);
    const { kv } = ctx.state.services;
    const products = await listSellerProducts(kv, seller.id);
    return ctx.hono.json({ products: await Promise.all(products.map((p) => productView(kv, p))) });
  },
  async POST(ctx) {
    const seller = requireSeller(ctx.state);
    const input = await readJsonOrForm(ctx, ProductInput, ProductForm);
    const product = await addProduct(ctx.state, seller, input);
    return ctx.hono.json({ product: await productView(ctx.state.services.kv, product) }, 201);
  },
};
