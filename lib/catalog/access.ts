// Finding a product for someone: missing is a 404, someone else's a 403. Only what a
// stream's seller sells can be bought or looked at in their stream.
import { notFound } from "@/lib/core/errors.ts";
import { accessTo } from "@/lib/core/ownership.ts";
import { getProduct, type Product, PRODUCT_MISSING } from "./store.ts";

export const { find: findProduct, own: ownProduct } = accessTo({
  get: getProduct,
  missing: PRODUCT_MISSING,
  notTheirs: ["not_product_owner", "Only the seller who created this product can change it"],
});

/** A product of the stream's seller; any other is as good as missing there. */
export async function sellersProduct(kv: Deno.Kv, sellerId: string, productId: string): Promise<Product> {
  const product = await findProduct(kv, productId);
  if (product.sellerId !== sellerId) {
    throw notFound("product_not_found", "This product is not sold in this stream");
  }
  return product;
}
