// The catalog, as the JSON API and the studio's forms change it. A product's record lives
// in KV and its image on disk; they change together: a new image is saved (its bytes
// checked) before the record, removed again if the record cannot be stored, and the image
// it replaces is removed only once the record no longer points at it.
import type { ProductView } from "@/lib/contract/views.ts";
import { type Actor, requireSeller } from "@/lib/core/actor.ts";
import { aboutField, conflict, notFound } from "@/lib/core/errors.ts";
import type { Services } from "@/lib/core/services.ts";
import { requireDiskRoom } from "@/lib/limits/disk.ts";
import { spend } from "@/lib/limits/limiter.ts";
import { catalogNews, productNews, productShown } from "@/lib/showcase/actions.ts";
import { findProduct, ownProduct } from "./access.ts";
import { deleteImage, imagesDir, readImage, saveImage, type StoredImage } from "./images.ts";
import type { ProductInput, ProductPatch } from "./inputs.ts";
import {
  createProduct,
  deleteProduct,
  getStock,
  imageUrl,
  listSellerProducts,
  type Product,
  type Quota,
  updateProduct,
} from "./store.ts";

/** A product as the API shows it: with its stock and image URL, without its seller's id. */
export async function viewOf(kv: Deno.Kv, product: Product): Promise<ProductView> {
  const { sellerId: _, stockVersion = 0, ...shown } = product;
  return { ...shown, stock: await getStock(kv, product.id), stockVersion, imageUrl: imageUrl(product) };
}

/** A product as anyone may see it. */
export async function view({ kv }: Services, productId: string): Promise<ProductView> {
  return await viewOf(kv, await findProduct(kv, productId));
}

/** One of the asker's own products, as its edit form shows it. */
export async function ownView({ kv }: Services, actor: Actor, productId: string): Promise<ProductView> {
  return await viewOf(kv, await ownProduct(kv, actor, productId));
}

/** The asker's catalog, oldest first. */
export async function listOwn({ kv }: Services, actor: Actor): Promise<ProductView[]> {
  const products = await listSellerProducts(kv, requireSeller(actor));
  return await Promise.all(products.map((p) => viewOf(kv, p)));
}

export async function add(
  services: Services,
  actor: Actor,
  // The studio's form is one for adding and editing: what an edit says of its stock means nothing here.
  input: ProductInput & { image?: File; stockShown?: number; stockVersion?: number },
): Promise<ProductView> {
  const sellerId = requireSeller(actor);
  await spend(services, input.image ? "image" : "product", actor);
  const { image: file, stockShown: _shown, stockVersion: _version, ...fields } = input;
  const { kv, clock } = services;
  const product = await withNewImage(
    services,
    file,
    async (image) =>
      createProduct(
        kv,
        sellerId,
        { ...fields, image: image ?? null },
        clock.now(),
        quotaOf(services),
        await catalogNews(kv, sellerId),
      ),
  );
  return await viewOf(kv, product);
}

const quotaOf = ({ config }: Services): Quota => ({
  products: config.quotas.productsPerSeller,
  imageBytes: config.quotas.imageBytesPerSeller,
});

/** Applies the changes; a new image replaces the old one, whose file is then removed. */
export async function edit(
  services: Services,
  actor: Actor,
  productId: string,
  changes: ProductPatch & { image?: File },
): Promise<ProductView> {
  const { kv, clock } = services;
  await spend(services, changes.image ? "image" : "seller", actor);
  const product = await ownProduct(kv, actor, productId);
  const { image: file, stock, stockShown, stockVersion, ...fields } = changes;
  // A running flash sale's price was set below this one: changed under it, the sale could
  // cost more than the product, or be counted in another currency.
  const repriced = (fields.priceMinor ?? product.priceMinor) !== product.priceMinor ||
    (fields.currency ?? product.currency) !== product.currency;
  // Open streams showing it tell their viewers, in the same commit, which also finds no
  // sale started meanwhile (see showcase's sale).
  const shown = async () => {
    const { news, read, onSale } = await productShown(kv, product, clock.now());
    if (repriced && onSale) {
      throw conflict(
        "on_sale",
        "This product is on a flash sale: change its price or currency once the sale is over",
      );
    }
    return { news, read };
  };
  const stockChange = stock === undefined || stockShown === undefined
    ? stock
    : { shown: stockShown, typed: stock, version: stockVersion };
  const { product: updated, replaced } = await withNewImage(
    services,
    file,
    (image) =>
      updateProduct(
        kv,
        product,
        { ...fields, stock: stockChange, ...(image ? { image } : {}) },
        clock.now(),
        { quota: quotaOf(services), shown },
      ),
  );
  if (replaced) await discardImage(services, replaced.id);
  return await viewOf(kv, updated);
}

export async function remove(services: Services, actor: Actor, productId: string): Promise<void> {
  await spend(services, "seller", actor);
  const product = await ownProduct(services.kv, actor, productId);
  const removed = await deleteProduct(services.kv, product, await productNews(services.kv, product));
  if (removed?.image) await discardImage(services, removed.image.id);
}

/** Removes all the seller's products and their images: their account is being deleted. */
export async function removeCatalog(services: Services, sellerId: string): Promise<void> {
  for (const product of await listSellerProducts(services.kv, sellerId)) {
    const removed = await deleteProduct(services.kv, product);
    if (removed?.image) await discardImage(services, removed.image.id);
  }
}

/** A product image's bytes, type and size. */
export async function image({ config }: Services, imageId: string) {
  const found = await readImage(imagesDir(config.dataDir), imageId);
  if (!found) throw notFound("image_not_found", "No image with this id");
  return found;
}

/** Saves the file (if any), runs `store` with it, and removes the file again if `store` fails. */
async function withNewImage<T>(
  services: Services,
  file: File | undefined,
  store: (image: StoredImage | undefined) => Promise<T>,
): Promise<T> {
  const dir = imagesDir(services.config.dataDir);
  if (file) await requireDiskRoom(services, file.size);
  // Whatever saveImage refuses, it refuses for the file chosen.
  const image = file
    ? await saveImage(dir, new Uint8Array(await file.arrayBuffer())).catch((e) => {
      throw aboutField("image", e);
    })
    : undefined;
  try {
    return await store(image);
  } catch (error) {
    if (image) await discardImage(services, image.id);
    throw error;
  }
}

/** Removes an image nothing points at any more; failing to is logged, not the request's failure. */
async function discardImage({ config }: Services, id: string): Promise<void> {
  await deleteImage(imagesDir(config.dataDir), id).catch((error) =>
    console.error(`removing image ${id} failed:`, error)
  );
}
