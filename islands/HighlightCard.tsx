// The product the seller highlights, as a large card over the video: it changes the
// moment the seller picks another, and a tap opens its sheet. A late viewer gets it in
// the page's HTML.
import { ProductTile } from "@/components/ProductTile.tsx";
import { SheetOpener } from "@/components/SheetOpener.tsx";
import { roomPhase } from "@/lib/client/live_room.ts";
import { sheet, useShowcase } from "@/lib/client/showcase_store.ts";
import type { Showcase } from "@/lib/contract/views.ts";

export interface HighlightCardProps {
  streamId: string;
  initial: Showcase;
  ended: boolean;
}

export default function HighlightCard({ streamId, initial, ended }: HighlightCardProps) {
  const show = useShowcase(streamId, initial);
  const product = show.highlight;
  const shown = product && !ended && roomPhase.value !== "ended";
  // The live region stays in the page, so screen readers announce each new highlight and
  // sale whole (a card for each), and not each price or stock change on it.
  return (
    <div class="highlight-slot" aria-live="polite" aria-relevant="additions">
      {shown && (
        <aside
          key={product.id + (show.sale?.endsAt ?? "")}
          class="highlight-card"
          data-product-id={product.id}
          aria-label="Featured product"
        >
          <SheetOpener productId={product.id} class="highlight-open" onOpen={() => sheet.value = product}>
            <ProductTile
              product={product}
              sale={show.sale}
              offset={show.offset}
              imageSize={88}
              label="Featured"
            />
          </SheetOpener>
        </aside>
      )}
    </div>
  );
}
