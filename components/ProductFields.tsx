import { CURRENCIES } from "@/lib/contract/limits.ts";
import type { FormFailure } from "@/lib/server/forms.ts";
import { failureMarks, FieldError, FormError } from "./FieldError.tsx";

interface ProductFieldsProps {
  /** What the fields show: the product's values, or what was typed before an error. */
  values: Record<string, string>;
  /** The post just refused, if any: its error above the fields, each field's problem under it. */
  failure?: FormFailure;
  /** The current image, shown above the file input when editing. */
  imageUrl?: string | null;
}

/** The fields in page order: the first the error is about takes focus. */
const FIELDS = ["name", "description", "price", "currency", "stock", "buyUrl", "image"];

/**
 * The inputs of the product create and edit forms; the form posts multipart with an `image`
 * file, `novalidate`: the server's words say what a field takes, beside it, as on sign-up.
 */
export function ProductFields({ values, failure, imageUrl }: ProductFieldsProps) {
  const marks = failureMarks(failure, FIELDS);
  const field = (name: string) => ({ name, ...marks.field(name) });
  return (
    <>
      <FormError marks={marks} />
      <label>
        Name
        <input {...field("name")} required maxLength={120} value={values.name} placeholder="Linen shirt" />
      </label>
      <FieldError marks={marks} name="name" />
      <label>
        Description
        <textarea {...field("description")} maxLength={2000} rows={3}>{values.description}</textarea>
      </label>
      <FieldError marks={marks} name="description" />
      {/* Each field's problem in its own cell, under it however the row wraps. */}
      <div class="form-row">
        <div>
          <label>
            Price
            <input
              {...field("price")}
              inputMode="decimal"
              required
              placeholder="49.90"
              value={values.price}
            />
          </label>
          <FieldError marks={marks} name="price" />
        </div>
        <div>
          <label>
            Currency
            <select {...field("currency")} required>
              {CURRENCIES.map((c) => (
                <option key={c} value={c} selected={c === (values.currency ?? "EUR")}>{c}</option>
              ))}
            </select>
          </label>
          <FieldError marks={marks} name="currency" />
        </div>
        <div>
          <label>
            Stock
            <input {...field("stock")} type="number" required min={0} step={1} value={values.stock} />
          </label>
          <FieldError marks={marks} name="stock" />
        </div>
      </div>
      <label>
        Buy link <small>(optional: your own shop's page)</small>
        <input
          {...field("buyUrl")}
          type="url"
          maxLength={2048}
          value={values.buyUrl}
          placeholder="https://"
        />
      </label>
      <FieldError marks={marks} name="buyUrl" />
      {imageUrl && <img class="product-thumb" src={imageUrl} alt="Current image" width={96} height={96} />}
      <label>
        {imageUrl ? "Replace image" : "Image"} <small>(PNG, JPEG or WebP, at most 5 MB)</small>
        <input {...field("image")} type="file" accept="image/png,image/jpeg,image/webp" />
      </label>
      <FieldError marks={marks} name="image" />
    </>
  );
}
