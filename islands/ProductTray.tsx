// Under the video: the pinned products in the seller's order, the product sheet (opened
// here or from the highlight card), and the viewer's cart with its Reserve button. All of
// it renders on the server, so a tap works before this island runs: a product opens its
// sheet (the page asked again with ?product=), and "Add to cart" posts a form.
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { CartBar } from "@/components/CartBar.tsx";
import { ProductTile } from "@/components/ProductTile.tsx";
import { ProductSheet } from "@/components/ProductSheet.tsx";
import { SheetOpener } from "@/components/SheetOpener.tsx";
import { cardOf, sheet, showcaseProblem, useShowcase } from "@/lib/client/showcase_store.ts";
import { endedNow, removed } from "@/lib/client/stream_status.ts";
import { sayFor } from "@/lib/client/say_for.ts";
import { useCart } from "@/lib/client/use_cart.ts";
import type { ProductCard } from "@/lib/contract/messages.ts";
import type { Cart, ProductView, ReservationSummary, Showcase } from "@/lib/contract/views.ts";

/** The names of the products in `these` that are not in `those`. */
const namesOutside = (these: ProductCard[], those: ProductCard[]) =>
  these.filter((p) => !those.some((q) => q.id === p.id)).map((p) => p.name).join(", ");

export interface ProductTrayProps {
  streamId: string;
  initial: Showcase;
  /** False once the stream has ended: products still show, buying stops. */
  canBuy: boolean;
  /** Banned, or the stream full: no cart, nor holds. Else after the end, what is held still shows. */
  turnedAway: boolean;
  /** The viewer's cart and holds, as the page was rendered. */
  cart: Cart;
  holds: ReservationSummary[];
  /** The product whose sheet the page was asked to open. */
  opened: ProductView | null;
}

export default function ProductTray(
  { streamId, initial, canBuy, turnedAway, cart: cartAtLoad, holds, opened }: ProductTrayProps,
) {
  const show = useShowcase(streamId, initial);
  const cart = useCart(streamId, show.offset, { cart: cartAtLoad, holds });
  const ready = useSignal(false);
  // The sheet the page came with stays open until closed, like one opened here.
  const asked = useSignal(opened);
  useEffect(() => void (ready.value = true), []);
  // What the seller pins or takes off is said, for a screen reader (a move, or stock, is not).
  const said = useSignal("");
  const pinned = useRef(show.pins);
  useEffect(() => {
    const [on, off] = [namesOutside(show.pins, pinned.current), namesOutside(pinned.current, show.pins)];
    pinned.current = show.pins;
    const words = [on && `Now on show: ${on}.`, off && `No longer on show: ${off}.`].filter(Boolean).join(
      " ",
    );
    if (words) sayFor(said, words);
  }, [show.pins]);
  const open = sheet.value ?? asked.value;
  // When the stream ends, buying stops on every open page at once; what is held stays held.
  const ended = endedNow();
  // Banned while here: nothing to buy, as after a reload (the server refuses it anyway).
  const away = turnedAway || removed.value;
  return (
    <section class="product-tray" aria-label="Products in this stream" data-ready={ready.value || undefined}>
      {show.pins.length > 0 && (
        <ol class="tray-list">
          {show.pins.map((product) => (
            <li key={product.id} class="tray-item" data-product-id={product.id}>
              <SheetOpener
                productId={product.id}
                onOpen={() => sheet.value = product}
              >
                <ProductTile product={product} sale={show.sale} offset={show.offset} imageSize={64} />
              </SheetOpener>
            </li>
          ))}
        </ol>
      )}
      <p class="visually-hidden" role="status">{said.value}</p>
      {showcaseProblem.value && <p class="notice error" role="alert">{showcaseProblem.value}</p>}
      {!away && <CartBar cart={cart} ended={ended || !canBuy} show={show} sheetOpen={!!open} />}
      {open && (
        <ProductSheet
          streamId={streamId}
          product={cardOf(show, open)}
          details={asked.value?.id === open.id ? asked.value : null}
          sale={show.sale}
          offset={show.offset}
          cart={canBuy && !ended && !away ? cart : null}
          closed={removed.value
            ? "A moderator banned you, so you can't buy here."
            : ended
            ? "This stream has ended, so buying here is closed."
            : ""}
          // Its refusal ("at most 2 while on sale") goes with it, not left in the tray as news.
          onClose={() => (sheet.value = null, asked.value = null, cart.error.value = "")}
        />
      )}
    </section>
  );
}
