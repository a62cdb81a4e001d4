import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { ProductView } from "@/lib/contract/views.ts";
import { getJson, postJson } from "@/lib/client/api.ts";
import { useAction } from "@/lib/client/use_action.ts";
import { localTime } from "@/lib/client/server_clock.ts";
import { type CartControls, heldOf, quantityIn } from "@/lib/client/use_cart.ts";
import type { FlashSale, ProductCard } from "@/lib/contract/messages.ts";
import { MAX_QUANTITY } from "@/lib/contract/limits.ts";
import { ProductPrice, StockNote } from "./ProductPrice.tsx";

interface ProductSheetProps {
  streamId: string;
  product: ProductCard;
  sale: FlashSale | null;
  offset: number;
  /** Null when buying is closed (the stream has ended). */
  cart: CartControls | null;
  onClose: () => void;
}

/**
 * A product's sheet in a modal dialog (a bottom sheet on phones): image, price, stock
 * left, description, add to cart, and the seller's own shop link when there is one.
 */
export function ProductSheet({ streamId, product, sale, offset, cart, onClose }: ProductSheetProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const details = useSignal<ProductView | null>(null);
  const loading = useAction();
  const base = `/api/streams/${encodeURIComponent(streamId)}`;

  useEffect(() => {
    dialog.current?.showModal();
    const id = encodeURIComponent(product.id);
    // Counted for the seller's analytics; a failed count is not the viewer's problem.
    postJson(`${base}/products/${id}/opened`).catch((e) => console.warn("a sheet open was not counted:", e));
    void loading.run(async () =>
      details.value = (await getJson<{ product: ProductView }>(`/api/products/${id}`)).product
    );
  }, [product.id]);

  const inCart = cart ? quantityIn(cart.cart.value, product.id) : 0;
  const soldOut = product.stock === 0;
  const { description, buyUrl } = details.value ?? {};
  return (
    <dialog ref={dialog} class="product-sheet" data-product-id={product.id} onClose={onClose}>
      <form method="dialog" class="sheet-close">
        <button type="submit" aria-label="Close">✕</button>
      </form>
      {product.imageUrl && <img class="sheet-image" src={product.imageUrl} alt={product.name} />}
      <h2>{product.name}</h2>
      <p class="sheet-price">
        <ProductPrice product={product} sale={sale} offset={offset} /> <StockNote stock={product.stock} />
      </p>
      {description && <p class="sheet-description">{description}</p>}
      {loading.error.value && <p class="notice error" role="alert">{loading.error.value}</p>}
      {cart && (
        <div class="sheet-actions">
          <button
            type="button"
            class="add-to-cart"
            disabled={soldOut || cart.busy.value || inCart >= Math.min(MAX_QUANTITY, product.stock)}
            onClick={() => cart.setQuantity(product.id, inCart + 1)}
          >
            {soldOut ? "Sold out" : "Add to cart"}
          </button>
          {inCart > 0 && <span class="in-cart">{inCart} in your cart</span>}
          <HeldNote cart={cart} productId={product.id} />
        </div>
      )}
      {cart?.error.value && <p class="notice error" role="alert">{cart.error.value}</p>}
      {buyUrl && (
        <a class="buy-link" href={buyUrl} target="_blank" rel="noopener noreferrer">
          Buy on the seller's shop ↗
        </a>
      )}
    </dialog>
  );
}

/** "2 held for you until 14:32", in the viewer's own time. */
function HeldNote({ cart, productId }: { cart: CartControls; productId: string }) {
  const { units, until } = heldOf(cart.holds.value, productId);
  if (!units || !until) return null;
  return <span class="held-note">{units} held for you until {localTime(until)}</span>;
}
