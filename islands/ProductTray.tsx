// Under the video: the pinned products in the seller's order, the product sheet (opened
// here or from the highlight card), and the viewer's cart with its Reserve button.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { CartBar } from "@/components/CartBar.tsx";
import { ProductTile } from "@/components/ProductTile.tsx";
import { ProductSheet } from "@/components/ProductSheet.tsx";
import { cardOf, sheet, showcaseProblem, useShowcase } from "@/lib/client/showcase_store.ts";
import { endedNow } from "@/lib/client/stream_status.ts";
import { useCart } from "@/lib/client/use_cart.ts";
import type { Showcase } from "@/lib/contract/views.ts";

export interface ProductTrayProps {
  streamId: string;
  initial: Showcase;
  /** False once the stream has ended: products still show, buying stops. */
  canBuy: boolean;
}

export default function ProductTray({ streamId, initial, canBuy }: ProductTrayProps) {
  const show = useShowcase(streamId, initial);
  const cart = useCart(streamId, canBuy, show.offset);
  const ready = useSignal(false);
  useEffect(() => void (ready.value = true), []);
  const open = sheet.value;
  // When the stream ends, buying stops on every open page at once; what is held stays held.
  const ended = endedNow();
  return (
    <section class="product-tray" aria-label="Products in this stream" data-ready={ready.value || undefined}>
      {show.pins.length > 0 && (
        <ol class="tray-list">
          {show.pins.map((product) => (
            <li key={product.id} class="tray-item" data-product-id={product.id}>
              <button
                type="button"
                onClick={() => sheet.value = product}
              >
                <ProductTile product={product} sale={show.sale} offset={show.offset} imageSize={64} />
              </button>
            </li>
          ))}
        </ol>
      )}
      {showcaseProblem.value && <p class="notice error" role="alert">{showcaseProblem.value}</p>}
      {canBuy && <CartBar cart={cart} ended={ended} />}
      {open && (
        <ProductSheet
          streamId={streamId}
          product={cardOf(show, open)}
          sale={show.sale}
          offset={show.offset}
          cart={canBuy && !ended ? cart : null}
          onClose={() => sheet.value = null}
        />
      )}
    </section>
  );
}
