// The showcase a viewer sees (pins, highlight, flash sale) and the product sheet that is
// open, shared by the watch page's islands: the highlight card over the video and the tray
// under it open the same sheet. The module state lives in the browser only; on the server
// each island renders from its props, so requests never share it.
import { type Signal, signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { FlashSale, MessageOf, ProductCard } from "@/lib/contract/messages.ts";
import type { Showcase } from "@/lib/contract/views.ts";
import { getJson } from "./api.ts";
import { follow as followRoom, stockVersions } from "./live_state.ts";
import { heard, heardWithPage } from "./server_clock.ts";
import { endedNow } from "./stream_status.ts";

export interface ViewerShowcase {
  pins: ProductCard[];
  highlight: ProductCard | null;
  sale: FlashSale | null;
  /** The server's clock minus this browser's, in ms: every viewer counts down to the same instant. */
  offset: number;
  /** When the server read this state: a highlight message read earlier is outdated. */
  readAt: string;
}

const current = signal<ViewerShowcase | null>(null);
/** The product whose sheet is open (as it was when opened; `cardOf` has the live one). */
export const sheet = signal<ProductCard | null>(null);

/**
 * The showcase to render: live once the page follows the room, the server-rendered one
 * until then. A flash sale ends with the stream.
 */
export function useShowcase(streamId: string, initial: Showcase): ViewerShowcase {
  useEffect(() => follow(streamId, initial), []);
  const show = current.value ?? viewerShowcase(initial, initialOffset(initial));
  return endedNow() ? { ...show, sale: null } : show;
}

/** On the server its own clock is right; in the browser, measured from when the page arrived. */
function initialOffset(initial: Showcase): number {
  return typeof document === "undefined" ? 0 : heardWithPage(initial.serverNow);
}

/** The freshest card of a product: stock and price as the pins or the highlight have them now. */
export function cardOf(show: ViewerShowcase, product: ProductCard): ProductCard {
  if (show.highlight?.id === product.id) return show.highlight;
  return show.pins.find((p) => p.id === product.id) ?? product;
}

function viewerShowcase(showcase: Showcase, offset: number): ViewerShowcase {
  const { pins, highlight, sale, serverNow } = showcase;
  return { pins, highlight, sale, offset, readAt: serverNow };
}

/** Tells the watch page's islands when refetching the showcase keeps failing. */
export const showcaseProblem = signal("");

let following = false;

let again = () => {};

/** Fetches the showcase again (stock given back after the end, which the closed room cannot tell). */
export const refetchShowcase = () => again();

function follow(streamId: string, initial: Showcase): void {
  if (following) return;
  following = true;
  current.value = viewerShowcase(initial, initialOffset(initial));
  const withStock = (productId: string, stock: number) => (p: ProductCard) =>
    p.id === productId ? { ...p, stock } : p;
  again = followRoom(current as Signal<ViewerShowcase>, {
    on: {
      pins: (show, { products }) => ({ ...show, pins: products }),
      highlight: (show, message) => applyHighlight(show, message, heard(message.serverNow, Date.now())),
      stock: (show, { productId, stock }) => ({
        ...show,
        pins: show.pins.map(withStock(productId, stock)),
        highlight: show.highlight && withStock(productId, stock)(show.highlight),
      }),
    },
    versions: stockVersions,
    refetch: async () => {
      const sentAt = Date.now();
      const fresh = await getJson<Showcase>(`/api/streams/${encodeURIComponent(streamId)}/showcase`);
      return viewerShowcase(fresh, heard(fresh.serverNow, Date.now(), sentAt));
    },
    // A highlight message read later than the fetch stays.
    merge: (held, fetched) => fetched.readAt >= held.readAt ? fetched : { ...held, offset: fetched.offset },
    // A product on show was edited or deleted: what it looks like now is fetched.
    refetchOn: ["changed"],
  }, showcaseProblem).refetch;
}

/**
 * A highlight message, unless the state already reflects a later read of the server; with
 * the clock offset as now best known (`offset`, narrowed by this message's arrival).
 */
export function applyHighlight(
  show: ViewerShowcase,
  message: MessageOf<"highlight">,
  offset: number,
): ViewerShowcase {
  if (message.serverNow < show.readAt) return { ...show, offset };
  const { product, sale, serverNow } = message;
  return { ...show, highlight: product, sale, offset, readAt: serverNow };
}
