import type { FlashSale, ProductCard } from "@/lib/contract/messages.ts";
import { ProductPrice, StockNote } from "./ProductPrice.tsx";

interface ProductTileProps {
  product: ProductCard;
  sale: FlashSale | null;
  offset: number;
  /** The image's width and height in CSS pixels (styles may scale it). */
  imageSize: number;
  /** A line above the name, e.g. "Featured". */
  label?: string;
}

/** A product at a glance, as the highlight card and the tray show it: image, name, price, stock. */
export function ProductTile({ product, sale, offset, imageSize, label }: ProductTileProps) {
  return (
    <>
      {product.imageUrl && <img src={product.imageUrl} alt="" width={imageSize} height={imageSize} />}
      {/* Spaced, so a screen reader's name for the tile reads "Featured Socks €4.99 3 left". */}
      <span class="product-text">
        {label && <span class="product-label">{label}</span>}{" "}
        <strong class="product-name">{product.name}</strong>{" "}
        <ProductPrice product={product} sale={sale} offset={offset} /> <StockNote stock={product.stock} />
      </span>
    </>
  );
}
