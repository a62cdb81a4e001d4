import { useSignal } from "@preact/signals";
import type { ProductCard } from "@/lib/contract/messages.ts";
import { formatPrice, parseAmount } from "@/lib/contract/money.ts";
import { AmountInput } from "./AmountInput.tsx";

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

/**
 * Starts a flash sale: a price below the list price, typed as people write prices and
 * shown formatted as it is typed, and a duration.
 */
export function SaleForm({ product, disabled, onStart }: SaleFormProps) {
  const price = useSignal("");
  const minor = parseAmount(price.value, product.currency);
  return (
    <form
      class="sale-form"
      onSubmit={(e) => {
        e.preventDefault();
        const duration = Number(new FormData(e.currentTarget).get("durationSeconds"));
        if (minor !== null) onStart(minor, duration);
      }}
    >
      <label>
        Sale price <small>(list price {formatPrice(product.priceMinor, product.currency)})</small>
        <AmountInput
          name="salePrice"
          text={price}
          currency={product.currency}
          example={Math.floor(product.priceMinor * 0.8)}
        />
      </label>
      <label>
        Duration
        <select name="durationSeconds">
          {DURATIONS.map(([seconds, label]) => (
            <option key={seconds} value={seconds} selected={seconds === 60}>{label}</option>
          ))}
        </select>
      </label>
      <button type="submit" class="primary" disabled={disabled || minor === null}>Start flash sale</button>
    </form>
  );
}
