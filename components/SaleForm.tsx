import { type Signal, useSignal } from "@preact/signals";
import { localTime } from "@/lib/contract/dates.ts";
import { saleSoldOutWords } from "@/lib/contract/limits.ts";
import type { FlashSale, ProductCard } from "@/lib/contract/messages.ts";
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
  /** The sale running now, if any: a new one replaces it. */
  running: FlashSale | null;
  /** The server's clock minus this browser's (ms). */
  offset: number;
  disabled: boolean;
  /** Why the server refused the last start ("" when none): shown at the price until the form is edited. */
  refused: Signal<string>;
  /** Resolves true once the sale runs. */
  onStart: (salePriceMinor: number, durationSeconds: number) => Promise<boolean>;
}

/**
 * Starts a flash sale: a price above zero and below the list price, typed as people write
 * prices and shown formatted as it is typed, and a duration. A price outside that, or a
 * product sold out, is refused here, before it is sent; any refusal is shown at the price,
 * where the focus goes.
 */
export function SaleForm({ product, running, offset, disabled, refused, onStart }: SaleFormProps) {
  const price = useSignal("");
  const minor = parseAmount(price.value, product.currency);
  // A price that is not below the list price, or not above zero, is refused here, not sent.
  const wrong = minor === null
    ? ""
    : minor >= product.priceMinor
    ? "The sale price must be below the list price"
    : minor <= 0
    ? "The sale price must be more than zero"
    : "";
  // The room tells of each reservation's stock; the server refuses too, should the last sell meanwhile.
  const soldOut = product.stock > 0 ? "" : saleSoldOutWords(product.name);
  const until = running && localTime(new Date(Date.parse(running.endsAt) - offset).toISOString());
  return (
    <form
      class="sale-form"
      onInput={() => refused.value = ""}
      onSubmit={async (e) => {
        e.preventDefault();
        const field = e.currentTarget.elements.namedItem("salePrice") as HTMLInputElement;
        const duration = Number(new FormData(e.currentTarget).get("durationSeconds"));
        if (minor !== null && !wrong && !soldOut && !await onStart(minor, duration)) field.focus();
      }}
    >
      {until && <p class="sale-running">A sale runs until {until}: starting a new one replaces it.</p>}
      <label>
        Sale price <small>(list price {formatPrice(product.priceMinor, product.currency)})</small>
        <AmountInput
          name="salePrice"
          text={price}
          currency={product.currency}
          example={Math.floor(product.priceMinor * 0.8)}
          error={wrong || refused.value || soldOut}
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
      <button type="submit" class="primary" disabled={disabled || minor === null || !!wrong || !!soldOut}>
        {running ? "Replace sale" : "Start flash sale"}
      </button>
    </form>
  );
}
