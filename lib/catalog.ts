// Catalog actions shared by the JSON API and the studio's forms. A product's record lives in
// KV and its image on disk; they change together: a new image is saved (its bytes checked)
// before the record, removed again if the record cannot be stored, and the image it replaces
// is removed only once the record no longer points at it.
import { deleteImage, imagesDir, saveImage, type StoredImage } from "./images/image_store.ts";
import type { ProductInput, ProductPatch } from "./inputs.ts";
import { productChanged } from "./showcase_actions.ts";
import type { State } from "./state.ts";
import {
  createProduct,
  deleteProduct,
  getStock,
  imageUrl,
  type Product,
  updateProduct,
} from "./store/products.ts";
import type { Seller } from "./store/sellers.ts";

/** A product as the API shows it: with its stock and image URL, without its seller's id. */
export interface ProductView extends Omit<Product, "sellerId"> {
  stock: number;
  imageUrl: string | null;
}

export async function productView(kv: Deno.Kv, product: Product): Promise<ProductView> {
  const { sellerId: _, ...shown } = product;
  return { ...shown, stock: await getStock(kv, product.id), imageUrl: imageUrl(product) };
}

const imageDirOf = (state: State) => imagesDir(state.services.config.dataDir);

/** Saves the file (if any), runs `store` with it, and removes the file again if `store` fails. */
async function withNewImage<T>(
  state: State,
  file: File | undefined,
  store: (image: StoredImage | undefined) => Promise<T>,
): Promise<T> {
  const dir = imageDirOf(state);
  const image = file ? await saveImage(dir, new Uint8Array(await file.arrayBuffer())) : undefined;
  try {
    return await store(image);
  } catch (error) {
    if (image) await discardImage(dir, image.id);
    throw error;
  }
}

/** Removes an image nothing points at any more; failing to is logged, not the request's failure. */
async function discardImage(dir: string, id: string): Promise<void> {
  await deleteImage(dir, id).catch((error) => console.error(`removing image ${id} failed:`, error));
}

export async function addProduct(
  state: State,
  seller: Seller,
  input: ProductInput & { image?: File },
): Promise<Product> {
  const { image: file, ...fields } = input;
  return await withNewImage(
    state,
    file,
    (image) => createProduct(state.services.kv, seller.id, { ...fields, image: image ?? null }),
  );
}

/** Applies the changes; a new image replaces the old one, whose file is then removed. */
export async function editProduct(
  state: State,
  product: Product,
  changes: ProductPatch & { image?: File },
): Promise<Product> {
  const { image: file, ...fields } = changes;
  const updated = await withNewImage(
    state,
    file,
    (image) => updateProduct(state.services.kv, product, image ? { ...fields, image } : fields),
  );
  if (file && product.image) await discardImage(imageDirOf(state), product.image.id);
  await productChanged(state, updated);
  return updated;
}

export async function removeProduct(state: State, product: Product): Promise<void> {
  await deleteProduct(state.services.kv, product);
  if (product.image) await discardImage(imageDirOf(state), product.image.id);
  await productChanged(state, product);
}
