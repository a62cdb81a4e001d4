import { useSignal } from "@preact/signals";
import type { ProductCard } from "@/lib/contract/messages.ts";
import { formatAmount, formatPrice, parseAmount } from "@/lib/contract/money.ts";

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
  const typo = price.value.trim() !== "" && minor === null;
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
        <span class="sale-price-input">
          <input
            name="salePrice"
            inputMode="decimal"
            required
            placeholder={formatAmount(Math.floor(product.priceMinor * 0.8), product.currency)}
            value={price.value}
            aria-invalid={typo || undefined}
            onInput={(e) => price.value = e.currentTarget.value}
          />
          {minor !== null && <output>{formatPrice(minor, product.currency)}</output>}
        </span>
        {typo && (
          <small class="field-error">
            Type an amount like {formatAmount(4990, product.currency)}
          </small>
        )}
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
