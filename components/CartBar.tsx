import { type CartControls, currentPrice, currentTotal, useCartClock } from "@/lib/client/use_cart.ts";
import { localTime } from "@/lib/contract/dates.ts";
import { MAX_QUANTITY } from "@/lib/contract/limits.ts";
import { itemsText, type ReservationMessage } from "@/lib/contract/messages.ts";
import { formatPrice } from "@/lib/contract/money.ts";
import type { CartItem, ReservationSummary } from "@/lib/contract/views.ts";
import type { ViewerShowcase } from "@/lib/client/showcase_store.ts";

/**
 * The viewer's cart (what it holds at today's price, the total, and Reserve) and what they
 * hold already, each with how long it is held and a way to let it go.
 */
export function CartBar(
  { cart, ended, show, sheetOpen }: {
    cart: CartControls;
    ended: boolean;
    show: ViewerShowcase;
    /** A product's sheet is open: it says the cart's refusals and news itself, once. */
    sheetOpen: boolean;
  },
) {
  const now = useCartClock(cart);
  const { items } = cart.cart.value;
  const settled = cart.settled.value.last;
  const held = cart.holds.value;
  // The reservation just made, while it is held (once settled, the settling says what became
  // of it; after the end, with no room to tell, it just goes) and the stream is on: after it,
  // the hold's own line says it, once.
  const done = !ended && held.some((h) => h.id === cart.reserved.value?.id) ? cart.reserved.value : null;
  // A product's currency changed while in the cart: no one total can say what is owed.
  const mixed = items.some((i) => i.currency !== items[0]!.currency);
  return (
    <>
      {/* What is held says so itself, below, each with its time. */}
      {ended && items.length > 0 && (
        <p class="notice cart-ended" role="status">
          This stream has ended, so your cart can no longer be reserved.
        </p>
      )}
      {/* Above the cart, not under it or the holds: on a phone it is on screen where the tap was. */}
      {cart.error.value && !sheetOpen && <p class="notice error" role="alert">{cart.error.value}</p>}
      {items.length > 0 && !ended && (
        <section class="cart-bar" aria-label="Your cart">
          <ul class="cart-items">
            {items.map((item) => (
              <CartLine
                key={item.productId}
                item={item}
                cart={cart}
                now={now}
                // Sold out to someone else meanwhile, as the pins and the highlight hear it.
                soldOut={[...show.pins, show.highlight].some((p) => p?.id === item.productId && !p.stock)}
              />
            ))}
          </ul>
          <div class="cart-total">
            <strong>
              {mixed
                ? "Prices in two currencies: remove one to reserve"
                : `Total ${formatPrice(currentTotal(items, cart.offset, now), items[0]!.currency)}`}
            </strong>
            <button
              type="button"
              class="reserve"
              disabled={cart.busy.value || mixed}
              onClick={() => cart.reserve()}
            >
              Reserve
            </button>
          </div>
        </section>
      )}
      {done && items.length === 0 && (
        <p class="notice ok reservation-done" role="status">
          Reserved: {itemsText(done.items)} for{" "}
          {formatPrice(done.totalMinor, done.currency)}. Held for you until{" "}
          {localTime(done.expiresAt)}: pay the seller as they say in the stream.
        </p>
      )}
      {settled && !sheetOpen && (
        <p class={`notice reservation-settled${settled.status === "paid" ? " ok" : ""}`} role="status">
          {settledWords(settled)}
        </p>
      )}
      {cart.holds.value.length > 0 && <Holds holds={cart.holds.value} cart={cart} />}
    </>
  );
}

/** What became of a hold, in the buyer's words. */
const SETTLED = {
  paid: (what: string) => `The seller marked ${what} paid. Thank you!`,
  released: (what: string) => `The seller let your hold on ${what} go: it is back on sale.`,
  expired: (what: string) => `Your hold on ${what} ran out: it is back on sale.`,
};

export const settledWords = (r: ReservationMessage) =>
  SETTLED[r.status as keyof typeof SETTLED](itemsText(r.items));

/** What the viewer holds: the seller keeps it for them until the time shown, then it goes back on sale. */
function Holds({ holds, cart }: { holds: ReservationSummary[]; cart: CartControls }) {
  return (
    <section class="holds" aria-label="Held for you">
      <ul>
        {holds.map((h) => (
          <li key={h.id} class="hold" data-id={h.id}>
            <span>
              {/* Apart: a right-to-left name would pull the comma and price into its run. */}
              <bdi>{itemsText(h.items)}</bdi>, {formatPrice(h.totalMinor, h.currency)}: held for you until
              {" "}
              <time dateTime={h.expiresAt}>{localTime(h.expiresAt)}</time>
            </span>{" "}
            {/* Named for what it lets go: a buyer may hold several. */}
            <button
              type="button"
              class="link"
              aria-label={`Let go of ${itemsText(h.items)}`}
              disabled={cart.busy.value}
              onClick={() => cart.cancel(h.id)}
            >
              Let go
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One product in the cart: −/+ steppers, its line total at today's price (or Sold out), and Remove. */
function CartLine(
  { item, cart, now, soldOut }: { item: CartItem; cart: CartControls; now: number; soldOut: boolean },
) {
  return (
    <li class="cart-item" data-product-id={item.productId}>
      <span class="cart-name">{item.name}</span>
      <span class="quantity">
        <button
          type="button"
          aria-label={`One fewer ${item.name}`}
          disabled={cart.busy.value}
          onClick={() => cart.setQuantity(item.productId, item.quantity - 1)}
        >
          −
        </button>
        <output aria-label={`Quantity of ${item.name}`}>{item.quantity}</output>
        <button
          type="button"
          aria-label={`One more ${item.name}`}
          disabled={cart.busy.value || soldOut || item.quantity >= MAX_QUANTITY}
          onClick={() => cart.setQuantity(item.productId, item.quantity + 1)}
        >
          +
        </button>
      </span>
      {soldOut ? <span class="stock-note sold-out">Sold out</span> : (
        <span class="line-total">
          {formatPrice(currentPrice(item, cart.offset, now) * item.quantity, item.currency)}
        </span>
      )}
      <button
        type="button"
        class="link"
        aria-label={`Remove ${item.name}`}
        disabled={cart.busy.value}
        onClick={() => cart.setQuantity(item.productId, 0)}
      >
        Remove
      </button>
    </li>
  );
}
