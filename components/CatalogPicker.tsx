import { useSignal } from "@preact/signals";
import { nameMatcher } from "@/lib/client/name_search.ts";
import type { ShowcaseEditor } from "@/lib/client/use_showcase_editor.ts";
import { MAX_PINS } from "@/lib/contract/limits.ts";
import type { ProductCard } from "@/lib/contract/messages.ts";
import { ProductLine } from "./ProductLine.tsx";

const products = (n: number) => n === 1 ? "1 product" : `${n} products`;

/**
 * The seller's catalog not yet pinned, each with a Pin button (up to the limit), found by
 * name as it is typed. The list scrolls in a box of its own (static/styles.css), so a
 * catalog of hundreds leaves the audience, sales and chat below within reach.
 */
export function CatalogPicker({ editor, catalog }: { editor: ShowcaseEditor; catalog: ProductCard[] }) {
  const typed = useSignal("");
  if (catalog.length === 0) {
    return <p class="muted">Your catalog is empty: add a product below, then pin it.</p>;
  }
  const ids = editor.show.value.pins.map((p) => p.id);
  const full = ids.length >= MAX_PINS;
  const unpinned = catalog.filter((p) => !ids.includes(p.id));
  const query = typed.value.trim();
  const matches = nameMatcher(query);
  const shown = unpinned.filter((p) => matches(p.name));
  // The focus goes on to the next Pin button shown (lib/client/use_action.ts); after the last
  // one it goes to the product just pinned, rather than to the top of the list.
  const pin = async (product: ProductCard, button: HTMLElement) => {
    const showcase = button.closest(".showcase-controls");
    const last = shown.length === 1 || ids.length + 1 >= MAX_PINS;
    if (!await editor.pin(product) || !last || document.activeElement !== document.body) return;
    showcase?.querySelector<HTMLElement>(`.pinned-item[data-product-id="${product.id}"] button:enabled`)
      ?.focus();
  };
  // All of it pinned: nothing to list.
  const list = unpinned.length > 0 && (
    <>
      <h3 id="catalog-heading">Your catalog</h3>
      <label class="catalog-search">
        Find a product
        <input
          type="search"
          autocomplete="off"
          value={typed.value}
          onInput={(e) => typed.value = e.currentTarget.value}
        />
      </label>
      {/* Read out while a search narrows the list, not as each pin takes one off it. */}
      <p class="muted catalog-count" aria-live={query ? "polite" : "off"}>
        {!query
          ? products(unpinned.length)
          : shown.length === 0
          ? `No product to pin matches “${query}”`
          : `${shown.length} of ${products(unpinned.length)} match`}
      </p>
      {shown.length > 0 && (
        <ul class="catalog-picker" aria-labelledby="catalog-heading">
          {shown.map((p) => (
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
      )}
    </>
  );
  return (
    <>
      {list}
      {full && <p class="muted">At most {MAX_PINS} products can be pinned.</p>}
    </>
  );
}
