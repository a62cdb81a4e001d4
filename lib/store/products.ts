// A seller's catalog. Stock lives under its own key so that reservations can check its
// versionstamp and take units atomically without touching the product record.
import { keys } from "./keys.ts";
import { newId } from "./kv.ts";

export type ImageType = "image/png" | "image/jpeg" | "image/webp";

export interface Product {
  id: string;
  sellerId: string;
  name: string;
  description: string;
  /** In the currency's minor unit (cents for EUR, yen for JPY). */
  priceMinor: number;
  /** ISO 4217 code. */
  currency: string;
  /** Where to buy outside Showfloor, when the seller has a shop. */
  buyUrl: string | null;
  /** The image file's id under the data folder, and its type (checked from its bytes). */
  image: { id: string; type: ImageType } | null;
  createdAt: string;
  updatedAt: string;
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
): Promise<Product> {
  const now = new Date().toISOString();
  const { stock, image, ...rest } = fields;
  const product: Product = {
    id: newId(),
    sellerId,
    ...rest,
    image: image ?? null,
    createdAt: now,
    updatedAt: now,
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
): Promise<Product> {
  const { stock, ...fields } = changes;
  const updated: Product = { ...product, ...fields, updatedAt: new Date().toISOString() };
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
