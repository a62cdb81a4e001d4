import { type Handlers, readJson } from "../../../lib/fresh/mod.ts";
import { findOwnProduct, findProduct } from "../../../lib/guards.ts";
import { ProductPatch } from "../../../lib/inputs.ts";
import type { State } from "../../../lib/state.ts";
import { deleteProduct, getStock, updateProduct } from "../../../lib/store/products.ts";

/** GET: a product as anyone may see it. PATCH, DELETE: its owner only. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const product = await findProduct(ctx.state, ctx.params.id!);
    const { sellerId: _, ...shown } = product;
    return ctx.hono.json({ product: { ...shown, stock: await getStock(ctx.state.services.kv, product.id) } });
  },
  async PATCH(ctx) {
    const product = await findOwnProduct(ctx.state, ctx.params.id!);
    const changes = await readJson(ctx, ProductPatch);
    const { kv } = ctx.state.services;
    const updated = await updateProduct(kv, product, changes);
    return ctx.hono.json({ product: { ...updated, stock: await getStock(kv, product.id) } });
  },
  async DELETE(ctx) {
    const product = await findOwnProduct(ctx.state, ctx.params.id!);
    await deleteProduct(ctx.state.services.kv, product);
    return new Response(null, { status: 204 });
  },
};
