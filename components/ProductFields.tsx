import { CURRENCIES } from "@/lib/contract/limits.ts";

interface ProductFieldsProps {
  /** What the fields show: the product's values, or what was typed before an error. */
  values: Record<string, string>;
  /** The current image, shown above the file input when editing. */
  imageUrl?: string | null;
}

/** The inputs of the product create and edit forms; the form posts multipart with an `image` file. */
export function ProductFields({ values, imageUrl }: ProductFieldsProps) {
  return (
    <>
      <label>
        Name
        <input name="name" required maxLength={120} value={values.name} placeholder="Linen shirt" />
      </label>
      <label>
        Description
        <textarea name="description" maxLength={2000} rows={3}>{values.description}</textarea>
      </label>
      <div class="form-row">
        <label>
          Price
          <input
            name="price"
            inputMode="decimal"
            required
            pattern="\d+([.,]\d+)?"
            placeholder="49.90"
            value={values.price}
          />
        </label>
        <label>
          Currency
          <select name="currency" required>
            {CURRENCIES.map((c) => (
              <option key={c} value={c} selected={c === (values.currency ?? "EUR")}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          Stock
          <input name="stock" type="number" required min={0} step={1} value={values.stock} />
        </label>
      </div>
      <label>
        Buy link <small>(optional: your own shop's page)</small>
        <input name="buyUrl" type="url" maxLength={2048} value={values.buyUrl} placeholder="https://" />
      </label>
      {imageUrl && <img class="product-thumb" src={imageUrl} alt="Current image" width={96} height={96} />}
      <label>
        {imageUrl ? "Replace image" : "Image"} <small>(PNG, JPEG or WebP, at most 5 MB)</small>
        <input name="image" type="file" accept="image/png,image/jpeg,image/webp" />
      </label>
    </>
  );
}
