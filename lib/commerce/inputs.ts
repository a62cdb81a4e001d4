// What a viewer sends to fill their cart.
import { z } from "zod";
import { MAX_QUANTITY } from "@/lib/contract/limits.ts";
import { storedId } from "@/lib/core/fields.ts";

export const CartItemInput = z.object({
  productId: storedId("a product id"),
  quantity: z.number().int("Quantity must be a whole number").min(0, "Quantity must not be negative")
    .max(MAX_QUANTITY, `At most ${MAX_QUANTITY} of one product`),
}).strict();
export type CartItemInput = z.infer<typeof CartItemInput>;

/** Reserving: the total the buyer saw, so a price that changed meanwhile is refused, not charged. */
export const ReserveInput = z.object({ totalMinor: z.number().int().min(0).optional() }).strict();
