import { useSignal } from "@preact/signals";
import type { ProductCard } from "../lib/messages.ts";
import { formatPrice } from "../lib/money.ts";

const DURATIONS: [seconds: number, label: string][] = [
  [10, "10 s"],
  [30, "30 s"],
  [60, "1 min"],
  [120, "2 min"],
  [300, "5 min"],
  [600, "10 min"],
  [1200, "20 min"],
];

interface SaleFormProps {
  /** The highlighted product: the sale is on it. */
  product: ProductCard;
  disabled: boolean;
  onStart: (salePriceMinor: number, durationSeconds: number) => void;
}

/** Starts a flash sale: a price below the list price (shown formatted as it is typed) and a duration. */
export function SaleForm({ product, disabled, onStart }: SaleFormProps) {
  const price = useSignal("");
  const minor = /^\d+$/.test(price.value) ? Number(price.value) : null;
  return (
    <form
      class="sale-form"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        onStart(Number(form.get("salePriceMinor")), Number(form.get("durationSeconds")));
      }}
    >
      <label>
        Sale price <small>(in cents; list price {formatPrice(product.priceMinor, product.currency)})</small>
        <span class="sale-price-input">
          <input
            name="salePriceMinor"
            type="number"
            required
            min={0}
            max={Math.max(0, product.priceMinor - 1)}
            step={1}
            value={price.value}
            onInput={(e) => price.value = e.currentTarget.value}
          />
          {minor !== null && <output>= {formatPrice(minor, product.currency)}</output>}
        </span>
      </label>
      <label>
        Duration
        <select name="durationSeconds">
          {DURATIONS.map(([seconds, label]) => (
            <option key={seconds} value={seconds} selected={seconds === 60}>{label}</option>
          ))}
        </select>
      </label>
      <button type="submit" class="primary" disabled={disabled}>Start flash sale</button>
    </form>
  );
}
