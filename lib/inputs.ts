// zod schemas for what users send over HTTP (forms and JSON). Real-time messages live
// in messages.ts; these are the edge of the API.
import { z } from "zod";
import { formatAmount, parseAmount } from "./money.ts";

// Control characters (C0, DEL, C1) have no place in names or titles; descriptions may
// keep line breaks and tabs.
// deno-lint-ignore no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// deno-lint-ignore no-control-regex
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const text = (label: string, min: number, max: number) =>
  z.string().trim()
    .min(min, min === 1 ? `${label} is required` : `${label} must be at least ${min} characters`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), `${label} must not contain control characters`);

const email = z.string().trim().toLowerCase().max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"));

export const SignUpInput = z.object({
  email,
  name: text("Name", 1, 60),
  password: z.string().min(10, "Password must be at least 10 characters")
    .max(256, "Password must be at most 256 characters"),
}).strict();
export type SignUpInput = z.infer<typeof SignUpInput>;

export const SignInInput = z.object({
  email,
  password: z.string().min(1, "Password is required").max(256, "Password is too long"),
}).strict();
export type SignInInput = z.infer<typeof SignInInput>;

export const CreateStreamInput = z.object({
  title: text("Title", 1, 120),
  description: z.string().trim().max(2000, "Description must be at most 2000 characters")
    .refine((s) => !CONTROL_BUT_LINES.test(s), "Description must not contain control characters")
    .default(""),
}).strict();
export type CreateStreamInput = z.infer<typeof CreateStreamInput>;

export const GuestNameInput = z.object({
  name: text("Display name", 1, 40),
  returnTo: z.string().regex(/^\/(?!\/)[^\s\\]*$/, "Invalid return path").default("/"),
}).strict();
export type GuestNameInput = z.infer<typeof GuestNameInput>;

// Strict: the sender's name and role come from the session or guest cookie, never the body.
export const ChatInput = z.object({ text: text("Message", 1, 500) }).strict();
export type ChatInput = z.infer<typeof ChatInput>;

// Ids from newId() (lib/store/kv.ts): lowercase base 36.
const chatId = z.string().regex(/^[0-9a-z]{1,40}$/, "Expected a message id");

/** A page of chat: the newest, or the messages just before or just after a message id. */
export const ChatPageQuery = z.object({ before: chatId.optional(), after: chatId.optional() }).strict()
  .refine((q) => !(q.before && q.after), "Ask for messages before or after an id, not both");
export type ChatPageQuery = z.infer<typeof ChatPageQuery>;

/** The currencies a price may be in (ISO 4217). */
export const CURRENCIES = [
  "USD",
  "EUR",
  "GBP",
  "JPY",
  "CHF",
  "CAD",
  "AUD",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "INR",
] as const;

const description = z.string().trim().max(2000, "Description must be at most 2000 characters")
  .refine((s) => !CONTROL_BUT_LINES.test(s), "Description must not contain control characters");

const PRICE_NOT_WHOLE = "Price must be a whole number of minor units (cents)";
const STOCK_NOT_WHOLE = "Stock must be a whole number";

const wholeNumber = (message: string, label: string, max: number) =>
  z.number({ error: message }).int(message).min(0, `${label} must not be negative`)
    .max(max, `${label} is too high`);

const priceMinor = wholeNumber(PRICE_NOT_WHOLE, "Price", 100_000_000);
const stock = wholeNumber(STOCK_NOT_WHOLE, "Stock", 1_000_000);

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

export const ProductPatch = z.object(productFields).partial().strict();
export type ProductPatch = z.infer<typeof ProductPatch>;

/**
 * A whole number typed into a form: digits only (and a minus, to say "negative"), so ""
 * and "1.5" are refused rather than read as 0 or cut to 1.
 */
const typedNumber = (message: string, schema: z.ZodNumber) =>
  z.string({ error: message }).trim().regex(/^-?\d+$/, message).transform(Number).pipe(schema);

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

/** A new product from a form; the image's bytes are checked when it is saved. */
export const ProductForm = ProductInput.extend(formFields).strict();
export type ProductForm = z.infer<typeof ProductForm>;

export const ProductFormPatch = z.object({ ...productFields, ...formFields }).partial().strict();

/**
 * The studio's product form (create and edit): the price as people write it ("49.90"),
 * read in the chosen currency's minor units.
 */
export const StudioProductForm = ProductForm.omit({ priceMinor: true })
  .extend({ price: z.string({ error: "Price is required" }) })
  .transform(({ price, ...form }, ctx) => {
    const minor = parseAmount(price, form.currency);
    const parsed = priceMinor.safeParse(minor);
    if (parsed.success) return { ...form, priceMinor: parsed.data };
    const message = minor === null
      ? `Price must be an amount like ${formatAmount(4990, form.currency)}`
      : parsed.error.issues[0]!.message;
    ctx.addIssue({ code: "custom", path: ["price"], message });
    return z.NEVER;
  });
export type ProductFormPatch = z.infer<typeof ProductFormPatch>;

const productId = z.string().regex(/^[0-9a-z]{1,40}$/, "Expected a product id");

/** How many of one product a cart may hold. */
export const MAX_QUANTITY = 10;

export const CartItemInput = z.object({
  productId,
  quantity: z.number().int("Quantity must be a whole number").min(0, "Quantity must not be negative")
    .max(MAX_QUANTITY, `At most ${MAX_QUANTITY} of one product`),
}).strict();
export type CartItemInput = z.infer<typeof CartItemInput>;

export const PinsInput = z.object({
  productIds: z.array(productId).max(6, "At most 6 products can be pinned")
    .refine((ids) => new Set(ids).size === ids.length, "A product can be pinned once"),
}).strict();

export const HighlightInput = z.object({ productId: productId.nullable() }).strict();

export const SaleInput = z.object({
  salePriceMinor: z.number().int("Sale price must be a whole number of minor units").min(
    0,
    "Sale price must not be negative",
  ),
  durationSeconds: z.number().int("Duration must be whole seconds")
    .min(10, "A flash sale lasts at least 10 seconds").max(1200, "A flash sale lasts at most 20 minutes"),
}).strict();
