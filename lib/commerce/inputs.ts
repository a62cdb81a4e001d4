// What a viewer sends to fill their cart.
import { z } from "zod";
import { MAX_QUANTITY } from "@/lib/contract/limits.ts";
import { storedId, typedNumber } from "@/lib/core/fields.ts";

const QUANTITY_NOT_WHOLE = "Quantity must be a whole number";

const quantity = z.number().int(QUANTITY_NOT_WHOLE).min(0, "Quantity must not be negative")
  .max(MAX_QUANTITY, `At most ${MAX_QUANTITY} of one product`);

export const CartItemInput = z.object({ productId: storedId("a product id"), quantity }).strict();
export type CartItemInput = z.infer<typeof CartItemInput>;

/** The product sheet's "Add to cart" as a plain form (before the page's JavaScript runs). */
export const CartItemForm = z.object({
  productId: storedId("a product id"),
  quantity: typedNumber(QUANTITY_NOT_WHOLE, quantity),
}).strict();

/** Reserving: the total the buyer saw, so a price that changed meanwhile is refused, not charged. */
export const ReserveInput = z.object({ totalMinor: z.number().int().min(0).optional() }).strict();
