import { useSignal } from "@preact/signals";
import { sayFor } from "@/lib/client/say_for.ts";
import type { Catalog } from "@/lib/client/use_catalog.ts";
import { CURRENCIES } from "@/lib/contract/limits.ts";
import { parseAmount } from "@/lib/contract/money.ts";
import { AmountInput } from "./AmountInput.tsx";

/**
 * Adds a product to the catalog without leaving the studio (leaving would end the
 * broadcast): name, price, currency and stock; the image and the rest are edited later.
 */
export function QuickAddProduct({ catalog }: { catalog: Catalog }) {
  const price = useSignal("");
  const currency = useSignal("EUR");
  const added = useSignal("");
  const minor = parseAmount(price.value, currency.value);
  const { busy, error } = catalog.adding;

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const fields = new FormData(form);
    const name = String(fields.get("name")).trim();
    const stock = Number(fields.get("stock"));
    if (minor === null || !name) return;
    added.value = "";
    if (await catalog.add({ name, priceMinor: minor, currency: currency.value, stock })) {
      sayFor(added, `Added ${name}: pin it from your catalog above.`);
      price.value = "";
      form.reset();
    }
  }

  return (
    <details class="quick-add">
      <summary role="button">Add a product</summary>
      <form class="quick-add-form" onSubmit={submit}>
        <label>
          Name
          <input name="name" required maxLength={120} placeholder="Linen shirt" />
        </label>
        <div class="form-row">
          <label>
            Price
            <AmountInput name="price" text={price} currency={currency.value} example={4990} />
          </label>
          <label>
            Currency
            <select
              name="currency"
              value={currency.value}
              onChange={(e) => currency.value = e.currentTarget.value}
            >
              {CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
          <label>
            Stock
            <input name="stock" type="number" required min={0} step={1} defaultValue="1" />
          </label>
        </div>
        {error.value && <p class="notice error" role="alert">{error.value}</p>}
        {added.value && <p class="notice ok" role="status">{added.value}</p>}
        <button type="submit" class="primary" disabled={busy.value || minor === null}>Add to catalog</button>
      </form>
    </details>
  );
}
