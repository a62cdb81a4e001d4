// What a page's address may ask for, and what its forms send before (or without) its JavaScript.
import { z } from "zod";
import { ChatInput } from "@/lib/chat/inputs.ts";
import { CartItemForm } from "@/lib/commerce/inputs.ts";
import { storedId } from "@/lib/core/fields.ts";

/** What was just deleted, for the page a deletion leads to to say so: `/studio?deleted=stream`, `/?deleted=account`. */
export const DeletedQuery = z.object({ deleted: z.enum(["stream", "account"]).optional().catch(undefined) });

/** The studio home's address: `?deleted=stream`, or `?left=<shop id>` after stepping down as its moderator. */
export const StudioHomeQuery = DeletedQuery.extend({
  left: storedId("a shop id").optional().catch(undefined),
});

/** What the seller just did to a product, for the catalog to confirm: `/studio/products?done=saved`. */
export const ProductDoneQuery = z.object({
  done: z.enum(["added", "saved", "deleted"]).optional().catch(undefined),
});
export type ProductDone = z.infer<typeof ProductDoneQuery>["done"];

/** What the seller just did on their account page, for it to confirm: `/studio/account?done=password`. */
export const AccountDoneQuery = z.object({
  done: z.enum(["password", "sessions"]).optional().catch(undefined),
});
export type AccountDone = z.infer<typeof AccountDoneQuery>["done"];

/** `/watch/:id?product=<id>`: the page with that product's sheet open (a tap before the page's JavaScript ran). */
export const WatchQuery = z.object({ product: storedId("a product id").optional().catch(undefined) });

/**
 * A watch page's forms, posted to the page itself: the chat's Send (a `text`) or the product
 * sheet's Add to cart. Told apart by `text`, so each is checked, and refused, as what it is.
 */
export type WatchForm = z.infer<typeof WatchForm>;
export const WatchForm = z.preprocess(
  (form) => ({
    ...form as object,
    form: form && typeof form === "object" && "text" in form ? "chat" : "cart",
  }),
  z.discriminatedUnion("form", [
    ChatInput.extend({ form: z.literal("chat") }),
    CartItemForm.extend({ form: z.literal("cart") }),
  ]),
);
