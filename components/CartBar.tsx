import type { CartControls } from "@/lib/client/use_cart.ts";
import { MAX_QUANTITY } from "@/lib/contract/limits.ts";
import { formatPrice } from "@/lib/contract/money.ts";
import type { CartItem } from "@/lib/contract/views.ts";

/** The viewer's cart: what it holds at which price, the total, and Reserve. */
export function CartBar({ cart }: { cart: CartControls }) {
  const { items } = cart.cart.value;
  const done = cart.reserved.value;
  if (items.length === 0) {
    if (!done) return null;
    return (
      <p class="notice ok reservation-done" role="status">
        Reserved: {done.items.map((i) => `${i.quantity} × ${i.name}`).join(", ")} for{" "}
        {formatPrice(done.totalMinor, done.currency)}. The seller holds them for you.
      </p>
    );
  }
  const currency = items[0]!.currency;
  const total = items.reduce((sum, i) => sum + i.unitPriceMinor * i.quantity, 0);
  return (
    <section class="cart-bar" aria-label="Your cart">
      <ul class="cart-items">
        {items.map((item) => <CartLine key={item.productId} item={item} cart={cart} />)}
      </ul>
      <div class="cart-total">
        <strong>Total {formatPrice(total, currency)}</strong>
        <button type="button" class="reserve" disabled={cart.busy.value} onClick={() => cart.reserve()}>
          Reserve
        </button>
      </div>
      {cart.error.value && <p class="notice error" role="alert">{cart.error.value}</p>}
    </section>
  );
}

/** One product in the cart: −/+ steppers, its line total, and Remove. */
function CartLine({ item, cart }: { item: CartItem; cart: CartControls }) {
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
        <output aria-label="Quantity">{item.quantity}</output>
        <button
          type="button"
          aria-label={`One more ${item.name}`}
          disabled={cart.busy.value || item.quantity >= MAX_QUANTITY}
          onClick={() => cart.setQuantity(item.productId, item.quantity + 1)}
        >
          +
        </button>
      </span>
      <span>{formatPrice(item.unitPriceMinor * item.quantity, item.currency)}</span>
      <button
        type="button"
        class="link"
        disabled={cart.busy.value}
        onClick={() => cart.setQuantity(item.productId, 0)}
      >
        Remove
      </button>
    </li>
  );
}
