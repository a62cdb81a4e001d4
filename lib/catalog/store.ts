// A seller's catalog. Stock lives under its own key so that reservations can check its
// versionstamp and take units atomically without touching the product record. What a
// seller keeps (products, image bytes) is counted as it changes, for their quotas.
import { MAX_STOCK } from "@/lib/contract/limits.ts";
import type { ProductDetails } from "@/lib/contract/views.ts";
import { isoAt } from "@/lib/core/clock.ts";
import { aboutField, conflict, invalid, notFound } from "@/lib/core/errors.ts";
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { newId } from "@/lib/kv/ids.ts";
import { keys } from "@/lib/kv/keys.ts";
import { accountNotGone } from "@/lib/auth/gone.ts";
import { type News, queue } from "@/lib/outbox/queue.ts";

export type { ImageType } from "@/lib/contract/views.ts";

/** A product as stored: what anyone may see, and whose it is. */
export interface Product extends ProductDetails {
  sellerId: string;
  /**
   * Counts the seller's edits of its stock (reservations leave it): a form opened before
   * the last one would apply its change on top of it. Products stored before it: 0.
   */
  stockVersion?: number;
}

/** What a seller keeps, counted against their quotas. */
export interface Usage {
  products: number;
  imageBytes: number;
}

export interface Quota {
  products: number;
  imageBytes: number;
}

export interface ProductFields {
  name: string;
  description: string;
  priceMinor: number;
  currency: string;
  buyUrl: string | null;
}

/** Creates a product, refused when it would take the seller past their quota; `news` commits with it. */
export async function createProduct(
  kv: Deno.Kv,
  sellerId: string,
  fields: ProductFields & { stock: number; image?: Product["image"] },
  now: number,
  quota?: Quota,
  news: StreamNews[] = [],
): Promise<Product> {
  const { stock, image, ...rest } = fields;
  const product: Product = {
    id: newId(),
    sellerId,
    ...rest,
    image: image ?? null,
    stockVersion: 0,
    createdAt: isoAt(now),
    updatedAt: isoAt(now),
  };
  return await atomically("adding the product", async () => {
    const [usage, account] = await Promise.all([
      kv.get<Usage>(keys.sellerUsage(sellerId)),
      accountNotGone(kv, sellerId),
    ]);
    const next = addUsage(usage.value, 1, product.image?.bytes ?? 0);
    if (quota) checkQuota(next, quota);
    const op = kv.atomic().check(usage, account)
      .set(keys.product(product.id), product)
      .set(keys.productBySeller(sellerId, product.id), product.id)
      .set(keys.stock(product.id), stock)
      .set(keys.sellerUsage(sellerId), next);
    queueAll(op, news);
    return (await op.commit()).ok ? product : RETRY;
  });
}

function addUsage(usage: Usage | null, products: number, imageBytes: number): Usage {
  return {
    products: Math.max(0, (usage?.products ?? 0) + products),
    imageBytes: Math.max(0, (usage?.imageBytes ?? 0) + imageBytes),
  };
}

function checkQuota(usage: Usage, quota: Quota): void {
  if (usage.products > quota.products) {
    throw conflict(
      "quota_exceeded",
      `A shop can have at most ${quota.products} products. Delete some first.`,
    );
  }
  if (usage.imageBytes > quota.imageBytes) {
    const mb = Math.round(quota.imageBytes / 1e6);
    throw conflict(
      "quota_exceeded",
      `Your images would take more than your ${mb} MB. Delete or replace some first.`,
    );
  }
}

/** What the seller keeps now. */
export async function getUsage(kv: Deno.Kv, sellerId: string): Promise<Usage> {
  return addUsage((await kv.get<Usage>(keys.sellerUsage(sellerId))).value, 0, 0);
}

/** Where the product's image is served (routes/images/[id].ts), or null when it has none. */
export function imageUrl(product: Pick<Product, "image">): string | null {
  return product.image ? `/images/${product.image.id}` : null;
}

export async function getProduct(kv: Deno.Kv, id: string): Promise<Product | null> {
  return (await productEntry(kv, id)).value;
}

/** The product as read, for a commit that must find it unchanged. */
export const productEntry = (kv: Deno.Kv, id: string) => kv.get<Product>(keys.product(id));

/** The product's stock as read, for a commit that must find it unchanged. */
export const stockEntry = (kv: Deno.Kv, id: string) => kv.get<number>(keys.stock(id));

export async function getStock(kv: Deno.Kv, productId: string): Promise<number> {
  return (await stockEntry(kv, productId)).value ?? 0;
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

/**
 * A stock change: a new count, or (from a form) the count it showed and the one typed,
 * and the stock version it was opened at (when it says).
 */
export type StockChange = number | { shown: number; typed: number; version?: number };

/**
 * Saves new fields, and when given a new image (counted against the quota) and stock, on
 * top of the product as it is now (a concurrent edit's fields stay unless changed here).
 * A form's stock change is applied to the stock as it is now, so reservations made since
 * the form was opened are never undone; one that would go below zero is refused, and so is
 * one opened before the stock was last edited (another tab's, or the same form sent again). Answers
 * the product saved and the image it replaced, if any; a product deleted meanwhile is a 404.
 */
export async function updateProduct(
  kv: Deno.Kv,
  product: Pick<Product, "id" | "sellerId">,
  changes: Partial<ProductFields> & { stock?: StockChange; image?: Product["image"] },
  now: number,
  opts: { quota?: Quota; shown?: () => Promise<Shown> } = {},
): Promise<{ product: Product; replaced: Product["image"] }> {
  const { quota, shown = () => Promise.resolve({ news: [], read: [] }) } = opts;
  const { stock, ...fields } = changes;
  return await atomically("saving the product", async () => {
    const [entry, usage, current] = await kv.getMany<[Product, Usage, number]>([
      keys.product(product.id),
      keys.sellerUsage(product.sellerId),
      keys.stock(product.id),
    ]);
    if (!entry.value) throw productGone();
    const { news, read } = await shown();
    const version = entry.value.stockVersion ?? 0;
    const stockNow = current.value ?? 0;
    const setStock = stock === undefined ? undefined : stockAfter(stock, stockNow, version);
    const updated: Product = {
      ...entry.value,
      ...fields,
      ...(setStock !== undefined && { stockVersion: version + 1 }),
      updatedAt: isoAt(now),
    };
    const replaced = fields.image === undefined ? null : entry.value.image;
    const grown = (updated.image?.bytes ?? 0) - (entry.value.image?.bytes ?? 0);
    const next = addUsage(usage.value, 0, grown);
    if (quota && grown > 0) checkQuota(next, quota);
    const op = kv.atomic().check(entry, usage, current, ...read).set(keys.product(product.id), updated)
      .set(keys.sellerUsage(product.sellerId), next);
    if (setStock !== undefined) op.set(keys.stock(product.id), setStock);
    queueAll(op, news);
    return (await op.commit()).ok ? { product: updated, replaced } : RETRY;
  });
}

/** What asking for a product that is not there answers. */
// Most often one deleted since the page showed it (in another tab, say).
export const PRODUCT_MISSING: [string, string] = [
  "product_not_found",
  "This product is no longer in the shop",
];
const productGone = () => notFound(...PRODUCT_MISSING);

/** The stock to set, or undefined when a form leaves it as it showed it. */
function stockAfter(change: StockChange, current: number, version: number): number | undefined {
  if (typeof change === "number") return change;
  if (change.typed === change.shown) return undefined;
  if (change.version !== undefined && change.version !== version) {
    const error = conflict(
      "stock_edited_elsewhere",
      `The stock was changed in another tab or window since you opened this page: it is now ${current}. ` +
        `Check it and save again.`,
    );
    throw aboutField("stock", error);
  }
  const next = current + change.typed - change.shown;
  if (next > MAX_STOCK) throw invalid("stock_too_large", `Stock: at most ${MAX_STOCK.toLocaleString("en")}`);
  if (next < 0) {
    throw conflict(
      "stock_changed",
      `Only ${current} left now: ${change.shown - current} were reserved since you opened this form. ` +
        `Set the stock again.`,
    );
  }
  return next;
}

/** News for the rooms of the streams a product change concerns, committed with the change. */
export interface StreamNews {
  streamId: string;
  news: News[];
}

function queueAll(op: Deno.AtomicOperation, news: StreamNews[]): void {
  for (const { streamId, news: items } of news) queue(op, streamId, items);
}

/** The streams showing a product as read for its change: their news, and entries the commit must find unchanged. */
export interface Shown {
  news: StreamNews[];
  read: Deno.KvEntryMaybe<unknown>[];
}

/**
 * Deletes the product as it is now, giving its share of the quota back once: the product
 * deleted, or null when it was gone already (a second delete changes nothing).
 */
export async function deleteProduct(
  kv: Deno.Kv,
  product: Pick<Product, "id" | "sellerId">,
  news: StreamNews[] = [],
): Promise<Product | null> {
  return await atomically("deleting the product", async () => {
    const [entry, usage] = await kv.getMany<[Product, Usage]>([
      keys.product(product.id),
      keys.sellerUsage(product.sellerId),
    ]);
    if (!entry.value) return null;
    const op = kv.atomic().check(entry, usage)
      .delete(keys.product(product.id))
      .delete(keys.productBySeller(product.sellerId, product.id))
      .delete(keys.stock(product.id))
      .set(keys.sellerUsage(product.sellerId), addUsage(usage.value, -1, -(entry.value.image?.bytes ?? 0)));
    queueAll(op, news);
    return (await op.commit()).ok ? entry.value : RETRY;
  });
}
