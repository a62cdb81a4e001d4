// What a page's address may ask for.
import { z } from "zod";
import { storedId } from "@/lib/core/fields.ts";

/** What was just deleted, for the page a deletion leads to to say so: `/studio?deleted=stream`, `/?deleted=account`. */
export const DeletedQuery = z.object({ deleted: z.enum(["stream", "account"]).optional().catch(undefined) });

/** `/watch/:id?product=<id>`: the page with that product's sheet open (a tap before the page's JavaScript ran). */
export const WatchQuery = z.object({ product: storedId("a product id").optional().catch(undefined) });
