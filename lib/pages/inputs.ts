// What a page's address may ask for.
import { z } from "zod";
import { storedId } from "@/lib/core/fields.ts";

/** `/watch/:id?product=<id>`: the page with that product's sheet open (a tap before the page's JavaScript ran). */
export const WatchQuery = z.object({ product: storedId("a product id").optional().catch(undefined) });
