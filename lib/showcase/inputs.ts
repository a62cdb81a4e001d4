// What a seller sends to run their stream's showcase: pins, the highlight, a flash sale.
import { z } from "zod";
import { MAX_PINS } from "@/lib/contract/limits.ts";
import { storedId } from "@/lib/core/fields.ts";

const productId = storedId("a product id");

export const PinsInput = z.object({
  productIds: z.array(productId).max(MAX_PINS, `At most ${MAX_PINS} products can be pinned`)
    .refine((ids) => new Set(ids).size === ids.length, "A product can be pinned once"),
}).strict();

export const HighlightInput = z.object({ productId: productId.nullable() }).strict();

export const SaleInput = z.object({
  // Nothing for free: a typed 0 would give the stock away to whoever reserves first.
  salePriceMinor: z.number().int("Sale price must be a whole number of minor units").min(
    1,
    "Sale price must be more than zero",
  ),
  durationSeconds: z.number().int("Duration must be whole seconds")
    .min(10, "A flash sale lasts at least 10 seconds").max(1200, "A flash sale lasts at most 20 minutes"),
}).strict();
export type SaleInput = z.infer<typeof SaleInput>;
