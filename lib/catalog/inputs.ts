// What a seller sends to add or change a product: as JSON (minor units) or as a form
// (multipart with an image file; the studio's form takes the price as people write it).
import { z } from "zod";
import { CURRENCIES, MAX_STOCK } from "@/lib/contract/limits.ts";
import { formatAmount, formatPrice, parseAmount } from "@/lib/contract/money.ts";
import { amountProblem } from "@/lib/contract/typed_amount.ts";
import { description, text, typedNumber } from "@/lib/core/fields.ts";

const PRICE_NOT_WHOLE = "Price must be a whole number of minor units (cents)";
const STOCK_NOT_WHOLE = "Stock must be a whole number";

const wholeNumber = (message: string, label: string, max: number, most: string) =>
  z.number({ error: message }).int(message).min(0, `${label} must not be negative`)
    .max(max, `${label} must be at most ${most}`);

/** The highest price in minor units: €1,000,000.00, ¥100,000,000. */
const MAX_PRICE_MINOR = 100_000_000;
const priceMinor = wholeNumber(
  PRICE_NOT_WHOLE,
  "Price",
  MAX_PRICE_MINOR,
  "1,000,000.00 (¥100,000,000 in yen)",
);
const stock = wholeNumber(STOCK_NOT_WHOLE, "Stock", MAX_STOCK, MAX_STOCK.toLocaleString("en"));

// Fields without defaults, so a patch that leaves one out leaves it unchanged.
const productFields = {
  name: text("Name", 1, 120),
  description,
  priceMinor,
  currency: z.enum(CURRENCIES, { error: `Currency must be one of ${CURRENCIES.join(", ")}` }),
  stock,
  // An empty buy link (a cleared form field) means none.
  buyUrl: z.preprocess(
    (v) => typeof v === "string" && v.trim() === "" ? null : v,
    z.url({ protocol: /^https?$/, error: "Buy link must be an http(s) URL" })
      .max(2048, "Buy link must be at most 2048 characters").nullable(),
  ),
};

export const ProductInput = z.object({
  ...productFields,
  description: description.default(""),
  buyUrl: productFields.buyUrl.default(null),
}).strict();
export type ProductInput = z.infer<typeof ProductInput>;

// A product's `stockVersion` as read: it counts the seller's edits of the stock.
const STOCK_VERSION = "Stock version must be a whole number";
const stockVersion = z.number({ error: STOCK_VERSION }).int(STOCK_VERSION).min(0, STOCK_VERSION);

// `stockShown`: the stock the editor showed when it was opened. With it, a new stock is
// applied as a change to the stock as it is now, so reservations made meanwhile stay.
// With `stockVersion` too, the product's when it was opened, a change sent after another
// edit of the stock (or sent twice) is refused rather than added on top of it.
export const ProductPatch = z.object({ ...productFields, stockShown: stock, stockVersion }).partial()
  .strict();
export type ProductPatch = z.infer<typeof ProductPatch>;

// A form's file input with no file chosen arrives as an empty, nameless file: no image.
const noFileChosen = (v: unknown) => v instanceof File && v.size === 0 && v.name === "";
const imageFile = z.preprocess(
  (v) => noFileChosen(v) ? undefined : v,
  z.file({ error: "Image must be a file" }).optional(),
);

// What a form (urlencoded or multipart) sends: every field a string, plus the image file.
const formFields = {
  priceMinor: typedNumber(PRICE_NOT_WHOLE, priceMinor),
  stock: typedNumber(STOCK_NOT_WHOLE, stock),
  image: imageFile,
};
const stockShown = typedNumber(STOCK_NOT_WHOLE, stock).optional();
const editedFrom = { stockShown, stockVersion: typedNumber(STOCK_VERSION, stockVersion).optional() };

/** A new product from a form; the image's bytes are checked when it is saved. */
export const ProductForm = ProductInput.extend({ ...formFields, ...editedFrom }).strict();
export type ProductForm = z.infer<typeof ProductForm>;

export const ProductFormPatch = z.object({ ...productFields, ...formFields, ...editedFrom }).partial()
  .strict();

/** What is wrong with a price typed in `currency`, in that currency's words; null when nothing. */
function typedPriceProblem(price: string, currency: string): string | null {
  const minor = parseAmount(price, currency);
  if (minor === null) {
    return amountProblem(price, currency) ?? `Price must be an amount like ${formatAmount(4990, currency)}`;
  }
  return minor > MAX_PRICE_MINOR ? `Price must be at most ${formatPrice(MAX_PRICE_MINOR, currency)}` : null;
}

/**
 * The studio's product form (create and edit): the price as people write it ("49.90"),
 * read in the chosen currency's minor units. The price is checked even when other fields
 * are refused, so one refusal names every field to fix.
 */
export const StudioProductForm = ProductForm.omit({ priceMinor: true })
  .extend({ price: z.string({ error: "Price is required" }).trim().min(1, "Price is required") })
  .superRefine(({ price, currency }, ctx) => {
    const problem = typedPriceProblem(price, currency);
    if (problem) ctx.addIssue({ code: "custom", path: ["price"], message: problem });
  }, { when: ({ issues }) => !issues.some((i) => ["price", "currency"].includes(String(i.path?.[0]))) })
  .transform(({ price, ...form }) => ({ ...form, priceMinor: parseAmount(price, form.currency)! }));
export type ProductFormPatch = z.infer<typeof ProductFormPatch>;
