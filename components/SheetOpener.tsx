import type { ComponentChildren } from "preact";

interface SheetOpenerProps {
  productId: string;
  /** The button's class. */
  class?: string;
  /** Opens the sheet in the page, once its JavaScript runs. */
  onOpen: () => void;
  children: ComponentChildren;
}

/**
 * What opens a product's sheet: a button that works before the page's JavaScript has run
 * too, as a form asking the page again with `?product=` (the server then renders the
 * sheet open); once the island runs, it opens the sheet in place.
 */
export function SheetOpener({ productId, class: className, onOpen, children }: SheetOpenerProps) {
  return (
    <form
      method="get"
      class="sheet-opener"
      onSubmit={(e) => {
        e.preventDefault();
        onOpen();
      }}
    >
      <input type="hidden" name="product" value={productId} />
      <button type="submit" class={className}>{children}</button>
    </form>
  );
}
