// The seller's showcase in the studio: pin catalog products to the stream, reorder them,
// highlight one or clear it, run a flash sale on the highlighted one or end it early, and
// add products to the catalog without leaving the studio. All of it stops the moment the
// stream ends.
import { CatalogPicker } from "@/components/CatalogPicker.tsx";
import { PinnedList } from "@/components/PinnedList.tsx";
import { QuickAddProduct } from "@/components/QuickAddProduct.tsx";
import { ProductPrice, StockNote } from "@/components/ProductPrice.tsx";
import { SaleForm } from "@/components/SaleForm.tsx";
import { endedNow } from "@/lib/client/stream_status.ts";
import { useCatalog } from "@/lib/client/use_catalog.ts";
import { useRunningSale } from "@/lib/client/use_running_sale.ts";
import { useShowcaseEditor } from "@/lib/client/use_showcase_editor.ts";
import type { ProductCard } from "@/lib/contract/messages.ts";
import type { Showcase } from "@/lib/contract/views.ts";

export interface ShowcaseControlsProps {
  streamId: string;
  /** All the seller's products. */
  catalog: ProductCard[];
  initial: Showcase;
  /** False once the stream has ended: the showcase is shown, not changed. */
  canEdit: boolean;
}

export default function ShowcaseControls(
  { streamId, catalog, initial, canEdit: openAtLoad }: ShowcaseControlsProps,
) {
  const products = useCatalog(catalog);
  const editor = useShowcaseEditor(streamId, initial, products.refresh);
  // Once the stream ends (ended here or elsewhere), the showcase stays on view, its sale over.
  const canEdit = openAtLoad && !endedNow();
  const { pins, highlight: highlighted } = editor.show.value;
  const sale = canEdit ? editor.show.value.sale : null;
  const running = useRunningSale(highlighted, sale, editor.offset.value, editor.said);
  const off = !canEdit || editor.busy.value;
  return (
    <section class="showcase-controls" data-ready={editor.ready.value || undefined} aria-label="Showcase">
      <h2>Products on show</h2>
      {editor.error.value && <p class="notice error" role="alert">{editor.error.value}</p>}
      {/* In the page from the first render: a live region added with its words is often not read. */}
      <p class="visually-hidden" role="status">{editor.said.value}</p>
      {pins.length === 0 && (
        <p class="muted">Nothing pinned yet: viewers see pinned products under the video.</p>
      )}
      <PinnedList editor={editor} canEdit={canEdit} />
      {highlighted && (
        <div class="highlight-status">
          <span>
            Highlighted: <strong>{highlighted.name}</strong>{" "}
            <ProductPrice product={highlighted} sale={sale} offset={editor.offset.value} />{" "}
            <StockNote stock={highlighted.stock} />
          </span>
          {canEdit && (
            <button
              type="button"
              disabled={off}
              onClick={() => editor.highlight(null)}
            >
              Clear highlight
            </button>
          )}
          {running && (
            <button
              type="button"
              disabled={off}
              aria-label={`End sale on ${highlighted.name}`}
              onClick={editor.endSale}
            >
              End sale
            </button>
          )}
        </div>
      )}
      {highlighted && canEdit && (
        <SaleForm
          // Its own for each product: a price typed for the last one is not kept for this one.
          key={highlighted.id}
          product={highlighted}
          running={running}
          offset={editor.offset.value}
          disabled={off}
          refused={editor.saleRefused}
          onStart={editor.startSale}
        />
      )}
      {canEdit && <CatalogPicker editor={editor} catalog={products.products.value} />}
      {canEdit && <QuickAddProduct catalog={products} />}
    </section>
  );
}
