// The seller's showcase in the studio: pin catalog products to the stream (at most 6),
// reorder them, highlight one or clear it, and run a flash sale on the highlighted one.
// The server stores each change, then tells the room; its answer replaces what shows here.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { ProductPrice } from "../components/ProductPrice.tsx";
import { SaleForm } from "../components/SaleForm.tsx";
import { postJson, putJson } from "../lib/client/api.ts";
import { clockOffset, pageReceivedAt } from "../lib/client/server_clock.ts";
import { useAction } from "../lib/client/use_action.ts";
import type { ProductCard } from "../lib/messages.ts";
import type { Showcase } from "../lib/showcase.ts";

export interface ShowcaseControlsProps {
  streamId: string;
  /** All the seller's products. */
  catalog: ProductCard[];
  initial: Showcase;
  /** False once the stream has ended: the showcase is shown, not changed. */
  canEdit: boolean;
}

const MAX_PINS = 6;

export default function ShowcaseControls({ streamId, catalog, initial, canEdit }: ShowcaseControlsProps) {
  const show = useSignal(initial);
  const offset = useSignal(0);
  const { busy, error, run: act } = useAction();
  const ready = useSignal(false);
  useEffect(() => {
    offset.value = clockOffset(initial.serverNow, pageReceivedAt());
    ready.value = true;
  }, []);

  const base = `/api/streams/${encodeURIComponent(streamId)}`;
  const accept = (fresh: Showcase) => {
    show.value = fresh;
    offset.value = clockOffset(fresh.serverNow, Date.now());
  };
  const pin = (productIds: string[]) =>
    act(async () => {
      const { products } = await putJson<{ products: ProductCard[] }>(`${base}/pins`, { productIds });
      show.value = { ...show.value, pins: products };
    });
  const highlight = (productId: string | null) =>
    act(async () => accept(await putJson<Showcase>(`${base}/highlight`, { productId })));
  const startSale = (salePriceMinor: number, durationSeconds: number) =>
    act(async () => accept(await postJson<Showcase>(`${base}/sale`, { salePriceMinor, durationSeconds })));

  const { pins, highlight: highlighted, sale } = show.value;
  const ids = pins.map((p) => p.id);
  const move = (from: number, to: number) => {
    const order = [...ids];
    order.splice(to, 0, ...order.splice(from, 1));
    return pin(order);
  };
  const unpinned = catalog.filter((p) => !ids.includes(p.id));
  const off = !canEdit || busy.value;
  return (
    <section class="showcase-controls" data-ready={ready.value || undefined} aria-label="Showcase">
      <h2>Products on show</h2>
      {error.value && <p class="notice error" role="alert">{error.value}</p>}
      {pins.length === 0 && (
        <p class="muted">Nothing pinned yet: viewers see pinned products under the video.</p>
      )}
      <ol class="pinned-list">
        {pins.map((p, i) => (
          <li
            key={p.id}
            class={p.id === highlighted?.id ? "pinned-item highlighted" : "pinned-item"}
            data-product-id={p.id}
          >
            <ProductLine product={p} />
            {canEdit && (
              <span class="item-actions">
                <button
                  type="button"
                  aria-label={`Move ${p.name} up`}
                  disabled={off || i === 0}
                  onClick={() => move(i, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move ${p.name} down`}
                  disabled={off || i === pins.length - 1}
                  onClick={() => move(i, i + 1)}
                >
                  ↓
                </button>
                <button type="button" disabled={off} onClick={() => pin(ids.filter((id) => id !== p.id))}>
                  Unpin
                </button>
                {p.id === highlighted?.id
                  ? <strong class="highlighted-mark">Highlighted</strong>
                  : (
                    <button type="button" class="primary" disabled={off} onClick={() => highlight(p.id)}>
                      Highlight
                    </button>
                  )}
              </span>
            )}
          </li>
        ))}
      </ol>
      {highlighted && (
        <div class="highlight-status">
          <span>
            Highlighted: <strong>{highlighted.name}</strong>{" "}
            <ProductPrice product={highlighted} sale={sale} offset={offset.value} />
          </span>
          {canEdit && (
            <button type="button" disabled={off} onClick={() => highlight(null)}>Clear highlight</button>
          )}
        </div>
      )}
      {highlighted && canEdit && <SaleForm product={highlighted} disabled={off} onStart={startSale} />}
      {canEdit && (
        catalog.length === 0
          ? (
            <p>
              <a href="/studio/products">Add products to your catalog first</a>
            </p>
          )
          : (
            <ul class="catalog-picker" aria-label="Your catalog">
              {unpinned.map((p) => (
                <li key={p.id} class="catalog-item" data-product-id={p.id}>
                  <ProductLine product={p} />
                  <button
                    type="button"
                    disabled={off || pins.length >= MAX_PINS}
                    onClick={() => pin([...ids, p.id])}
                  >
                    Pin
                  </button>
                </li>
              ))}
            </ul>
          )
      )}
      {canEdit && pins.length >= MAX_PINS && <p class="muted">At most {MAX_PINS} products can be pinned.</p>}
    </section>
  );
}

function ProductLine({ product }: { product: ProductCard }) {
  return (
    <span class="product-line">
      {product.imageUrl
        ? <img class="product-thumb" src={product.imageUrl} alt="" width={48} height={48} loading="lazy" />
        : <span class="product-thumb" aria-hidden="true" />}
      <span>
        <strong>{product.name}</strong> <ProductPrice product={product} sale={null} offset={0} />
      </span>
    </span>
  );
}
