import type { ShowcaseEditor } from "@/lib/client/use_showcase_editor.ts";
import { MAX_PINS } from "@/lib/contract/limits.ts";
import { ProductLine } from "./ProductLine.tsx";

/**
 * The pinned products in the seller's order, each with ↑, ↓, Unpin and Highlight while
 * editable, under a heading that names the list and counts it, so on a phone it is not
 * taken for the catalog below (nothing when none is pinned: the showcase says so).
 */
export function PinnedList({ editor, canEdit }: { editor: ShowcaseEditor; canEdit: boolean }) {
  const { pins, highlight } = editor.show.value;
  const off = !canEdit || editor.busy.value;
  if (pins.length === 0) return null;
  return (
    <>
      <h3 id="pinned-heading">On show now ({pins.length} of {MAX_PINS})</h3>
      <ol class="pinned-list" aria-labelledby="pinned-heading">
        {pins.map((p, i) => (
          <li
            key={p.id}
            class={p.id === highlight?.id ? "pinned-item highlighted" : "pinned-item"}
            data-product-id={p.id}
          >
            <ProductLine product={p} />
            {canEdit && (
              <span class="item-actions">
                <button
                  type="button"
                  aria-label={`Move ${p.name} up`}
                  disabled={off || i === 0}
                  onClick={() => editor.move(i, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move ${p.name} down`}
                  disabled={off || i === pins.length - 1}
                  onClick={() => editor.move(i, i + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={`Unpin ${p.name}`}
                  disabled={off}
                  onClick={() => editor.unpin(p)}
                >
                  Unpin
                </button>
                {p.id === highlight?.id ? <strong class="highlighted-mark">Highlighted</strong> : (
                  <button
                    type="button"
                    class="primary"
                    aria-label={`Highlight ${p.name}`}
                    disabled={off}
                    onClick={() => editor.highlight(p)}
                  >
                    Highlight
                  </button>
                )}
              </span>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
