import { useSignal } from "@preact/signals";
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import type { ProductView } from "@/lib/contract/views.ts";
import { getJson, postJson, streamApi } from "@/lib/client/api.ts";
import { useAction } from "@/lib/client/use_action.ts";
import { localTime } from "@/lib/contract/dates.ts";
import { type CartControls, heldOf, quantityIn } from "@/lib/client/use_cart.ts";
import type { FlashSale, ProductCard } from "@/lib/contract/messages.ts";
import { MAX_QUANTITY } from "@/lib/contract/limits.ts";
import { settledWords } from "./CartBar.tsx";
import { ProductPrice, StockNote } from "./ProductPrice.tsx";

/** Rendered on the server, the sheet is open as plain HTML; in the browser, showModal() opens it. */
const ON_SERVER = typeof document === "undefined";

interface ProductSheetProps {
  streamId: string;
  product: ProductCard;
  /** Its description and shop link, when the page came with them (else fetched). */
  details: ProductView | null;
  sale: FlashSale | null;
  offset: number;
  /** Null when buying is closed (the stream has ended, or the viewer was banned). */
  cart: CartControls | null;
  /**
   * Why buying is closed to this viewer ("" while it is open): said in the sheet, which is
   * modal (what is behind it goes unheard).
   */
  closed: string;
  onClose: () => void;
}

/**
 * A product's sheet in a dialog (a bottom sheet on phones): image, price, stock left,
 * description, add to cart, and the seller's own shop link when there is one. Rendered
 * open on the server (it closes, and adds to the cart, as plain HTML); opened modally when
 * the page's JavaScript opens it.
 */
export function ProductSheet(
  { streamId, product, details: given, sale, offset, cart, closed, onClose }: ProductSheetProps,
) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const details = useSignal<ProductView | null>(given);
  const loading = useAction();
  const base = streamApi(streamId);

  useEffect(() => {
    // One the server opened stays as it is (closing it to reopen it modal would close it for good).
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    const id = encodeURIComponent(product.id);
    // Counted for the seller's analytics (not once buying is closed: the server counts none
    // then); a failed count is not the viewer's problem.
    if (!closed) {
      postJson(`${base}/products/${id}/opened`).catch((e) =>
        console.warn("a sheet open was not counted:", e)
      );
    }
    if (details.value?.id === product.id) return;
    void loading.run(async () =>
      details.value = (await getJson<{ product: ProductView }>(`/api/products/${id}`)).product
    );
  }, [product.id]);

  // Buying closed while the focus was on Add to cart: it goes to Close, not behind the sheet.
  useLayoutEffect(() => {
    if (!cart && dialog.current?.matches(":modal") && document.activeElement === document.body) {
      close.current?.focus();
    }
  }, [!cart]);

  const { description, buyUrl } = details.value ?? {};
  // One line, not one per request: offline, both the details and the cart fail alike.
  const problem = cart?.error.value || loading.error.value;
  // News of a hold that comes while the sheet is open (it ran out, the seller marked it paid).
  const news = cart?.settled.value.last;
  const newsAtOpen = useRef(news);
  return (
    <dialog
      ref={dialog}
      open={ON_SERVER}
      class="product-sheet"
      aria-label={product.name}
      data-product-id={product.id}
      onClose={onClose}
    >
      <form method="dialog" class="sheet-close">
        <button type="submit" aria-label="Close" ref={close}>✕</button>
      </form>
      {product.imageUrl && <img class="sheet-image" src={product.imageUrl} alt={product.name} />}
      <h2>{product.name}</h2>
      <p class="sheet-price">
        <ProductPrice product={product} sale={sale} offset={offset} /> <StockNote stock={product.stock} />
      </p>
      {description && <p class="sheet-description">{description}</p>}
      {cart && <SheetActions streamId={streamId} product={product} cart={cart} />}
      {problem && <p class="notice error" role="alert">{problem}</p>}
      {closed && <p class="notice" role="status">{closed}</p>}
      {news && news !== newsAtOpen.current && <p class="notice" role="status">{settledWords(news)}</p>}
      {buyUrl && (
        <a class="buy-link" href={buyUrl} target="_blank" rel="noopener noreferrer">
          Buy on the seller's shop ↗
        </a>
      )}
    </dialog>
  );
}

/**
 * Add to cart (a form the server takes too, before the page's JavaScript runs), how many
 * are in the cart, and how many are held.
 */
function SheetActions(
  { streamId, product, cart }: { streamId: string; product: ProductCard; cart: CartControls },
) {
  const inCart = quantityIn(cart.cart.value, product.id);
  const soldOut = product.stock === 0;
  // Why Add to cart is greyed out once the cart holds as many as it can.
  const most = soldOut
    ? ""
    : inCart >= MAX_QUANTITY
    ? ": the most per order"
    : inCart >= product.stock
    ? ": all that are left"
    : "";
  return (
    <div class="sheet-actions">
      <form
        method="post"
        action={`/watch/${encodeURIComponent(streamId)}`}
        class="add-to-cart-form"
        onSubmit={(e) => {
          e.preventDefault();
          void cart.setQuantity(product.id, inCart + 1);
        }}
      >
        <input type="hidden" name="productId" value={product.id} />
        <input type="hidden" name="quantity" value={inCart + 1} />
        <button
          type="submit"
          class="add-to-cart"
          disabled={soldOut || cart.busy.value || !!most}
        >
          {soldOut ? "Sold out" : cart.busy.value ? "Adding…" : "Add to cart"}
        </button>
      </form>
      {/* Always there, so a screen reader hears the count change. */}
      <span class="in-cart" role="status">
        {inCart > 0 && `${inCart} in your cart${most}`}
      </span>
      <HeldNote cart={cart} productId={product.id} />
    </div>
  );
}

/** "2 held for you until 14:32", in the viewer's own time. */
function HeldNote({ cart, productId }: { cart: CartControls; productId: string }) {
  const { units, until } = heldOf(cart.holds.value, productId);
  if (!units || !until) return null;
  return <span class="held-note">{units} held for you until {localTime(until)}</span>;
}
