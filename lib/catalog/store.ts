// A seller's catalog. Stock lives under its own key so that reservations can check its
// versionstamp and take units atomically without touching the product record.
import type { ProductDetails } from "@/lib/contract/views.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { newId } from "@/lib/kv/ids.ts";
import { keys } from "@/lib/kv/keys.ts";

export type { ImageType } from "@/lib/contract/views.ts";

/** A product as stored: what anyone may see, and whose it is. */
export interface Product extends ProductDetails {
  sellerId: string;
}

export interface ProductFields {
  name: string;
  description: string;
  priceMinor: number;
  currency: string;
  buyUrl: string | null;
}

export async function createProduct(
  kv: Deno.Kv,
  sellerId: string,
  fields: ProductFields & { stock: number; image?: Product["image"] },
  now: number,
): Promise<Product> {
  const { stock, image, ...rest } = fields;
  const product: Product = {
    id: newId(),
    sellerId,
    ...rest,
    image: image ?? null,
    createdAt: isoAt(now),
    updatedAt: isoAt(now),
  };
  await kv.atomic()
    .set(keys.product(product.id), product)
    .set(keys.productBySeller(sellerId, product.id), product.id)
    .set(keys.stock(product.id), stock)
    .commit();
  return product;
}

/** Where the product's image is served (routes/images/[id].ts), or null when it has none. */
export function imageUrl(product: Pick<Product, "image">): string | null {
  return product.image ? `/images/${product.image.id}` : null;
}

export async function getProduct(kv: Deno.Kv, id: string): Promise<Product | null> {
  return (await kv.get<Product>(keys.product(id))).value;
}

export async function getStock(kv: Deno.Kv, productId: string): Promise<number> {
  return (await kv.get<number>(keys.stock(productId))).value ?? 0;
}

/** The seller's products, oldest first. */
export async function listSellerProducts(kv: Deno.Kv, sellerId: string): Promise<Product[]> {
  const products: Product[] = [];
  for await (const entry of kv.list<string>({ prefix: keys.productsBySeller(sellerId) })) {
    const product = await getProduct(kv, entry.value);
    if (product) products.push(product);
  }
  return products;
}

/** Saves new fields (and, when given, a new stock count or image). */
export async function updateProduct(
  kv: Deno.Kv,
  product: Product,
  changes: Partial<ProductFields> & { stock?: number; image?: Product["image"] },
  now: number,
): Promise<Product> {
  const { stock, ...fields } = changes;
  const updated: Product = { ...product, ...fields, updatedAt: isoAt(now) };
  const op = kv.atomic().set(keys.product(product.id), updated);
  if (stock !== undefined) op.set(keys.stock(product.id), stock);
  await op.commit();
  return updated;
}

export async function deleteProduct(kv: Deno.Kv, product: Product): Promise<void> {
  await kv.atomic()
    .delete(keys.product(product.id))
    .delete(keys.productBySeller(product.sellerId, product.id))
    .delete(keys.stock(product.id))
    .commit();
}
