import type { ShowcaseEditor } from "@/lib/client/use_showcase_editor.ts";
import { MAX_PINS } from "@/lib/contract/limits.ts";
import type { ProductCard } from "@/lib/contract/messages.ts";
import { ProductLine } from "./ProductLine.tsx";

/** The seller's catalog not yet pinned, each with a Pin button (up to the limit). */
export function CatalogPicker({ editor, catalog }: { editor: ShowcaseEditor; catalog: ProductCard[] }) {
  if (catalog.length === 0) {
    return <p class="muted">Your catalog is empty: add a product below, then pin it.</p>;
  }
  const ids = editor.show.value.pins.map((p) => p.id);
  const full = ids.length >= MAX_PINS;
  const unpinned = catalog.filter((p) => !ids.includes(p.id));
  // The focus goes on to the next Pin button (lib/client/use_action.ts); after the last one
  // it goes to the product just pinned, rather than to the top of the list.
  const pin = async (product: ProductCard, button: HTMLElement) => {
    const showcase = button.closest(".showcase-controls");
    const last = unpinned.length === 1 || ids.length + 1 >= MAX_PINS;
    if (!await editor.pin(product) || !last || document.activeElement !== document.body) return;
    showcase?.querySelector<HTMLElement>(`.pinned-item[data-product-id="${product.id}"] button:enabled`)
      ?.focus();
  };
  // All of it pinned: nothing to list.
  const list = unpinned.length > 0 && (
    <>
      <h3 id="catalog-heading">Your catalog</h3>
      <ul class="catalog-picker" aria-labelledby="catalog-heading">
        {unpinned.map((p) => (
          <li key={p.id} class="catalog-item" data-product-id={p.id}>
            <ProductLine product={p} />
            <button
              type="button"
              aria-label={`Pin ${p.name}`}
              disabled={editor.busy.value || full}
              onClick={(e) => pin(p, e.currentTarget)}
            >
              Pin
            </button>
          </li>
        ))}
      </ul>
    </>
  );
  return (
    <>
      {list}
      {full && <p class="muted">At most {MAX_PINS} products can be pinned.</p>}
    </>
  );
}
