import { formatRemaining, remainingMs } from "@/lib/client/server_clock.ts";
import { useNow } from "@/lib/client/use_now.ts";
import type { FlashSale, ProductCard } from "@/lib/contract/messages.ts";
import { formatPrice } from "@/lib/contract/money.ts";

interface ProductPriceProps {
  product: ProductCard;
  /** The stream's flash sale, if any: it applies when it is on this product and still running. */
  sale: FlashSale | null;
  /** The server's clock minus this browser's (ms): the countdown ends at the server's instant. */
  offset: number;
}

/** The price, or during a flash sale the struck list price, the sale price and the time left. */
export function ProductPrice({ product, sale, offset }: ProductPriceProps) {
  const onSale = sale?.productId === product.id ? sale : null;
  const now = useNow(!!onSale);
  const left = onSale ? remainingMs(onSale.endsAt, offset, now) : 0;
  const list = formatPrice(product.priceMinor, product.currency);
  if (!onSale || left <= 0) return <span class="product-price">{list}</span>;
  return (
    <span class="product-price on-sale">
      <del>{list}</del>{" "}
      <strong class="sale-price">{formatPrice(onSale.salePriceMinor, product.currency)}</strong>{" "}
      {/* A timer, read when asked: inside the highlight's live region it would be announced every second. */}
      <span
        class="sale-countdown"
        role="timer"
        aria-live="off"
        data-remaining-seconds={Math.ceil(left / 1000)}
      >
        Sale ends in {formatRemaining(left)}
      </span>
    </span>
  );
}

/** "3 left" or "Sold out". */
export function StockNote({ stock }: { stock: number }) {
  return stock > 0
    ? <span class="stock-note">{stock} left</span>
    : <span class="stock-note sold-out">Sold out</span>;
}
