import { type Handlers, readJson } from "../../../lib/fresh/mod.ts";
import { requireSeller } from "../../../lib/guards.ts";
import { ProductInput } from "../../../lib/inputs.ts";
import type { State } from "../../../lib/state.ts";
import { createProduct, getStock, listSellerProducts } from "../../../lib/store/products.ts";

/** GET: the signed-in seller's catalog, with stock. POST: adds a product. */
export const handler: Handlers<State> = {
  async GET(ctx) {
    const seller = requireSeller(ctx.state);
    const { kv } = ctx.state.services;
    const products = await listSellerProducts(kv, seller.id);
    const stocks = await Promise.all(products.map((p) => getStock(kv, p.id)));
    return ctx.hono.json({ products: products.map((p, i) => ({ ...p, stock: stocks[i] })) });
  },
  async POST(ctx) {
    const seller = requireSeller(ctx.state);
    const input = await readJson(ctx, ProductInput);
    const product = await createProduct(ctx.state.services.kv, seller.id, input);
    return ctx.hono.json({ product: { ...product, stock: input.stock } }, 201);
  },
};
