// The showcase a viewer sees (pins, highlight, flash sale) and the product sheet that is
// open, shared by the watch page's islands: the highlight card over the video and the tray
// under it open the same sheet. The module state lives in the browser only; on the server
// each island renders from its props, so requests never share it.
import { signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { FlashSale, MessageOf, ProductCard } from "../messages.ts";
import type { Showcase } from "../showcase.ts";
import { getJson } from "./api.ts";
import { liveRoom } from "./live_room.ts";
import { clockOffset, pageReceivedAt } from "./server_clock.ts";

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

/** The showcase to render: live once the page follows the room, the server-rendered one until then. */
export function useShowcase(streamId: string, initial: Showcase): ViewerShowcase {
  useEffect(() => follow(streamId, initial), []);
  return current.value ?? viewerShowcase(initial, initialOffset(initial));
}

/** On the server its own clock is right; in the browser, measured from when the page arrived. */
function initialOffset(initial: Showcase): number {
  return typeof document === "undefined" ? 0 : clockOffset(initial.serverNow, pageReceivedAt());
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

let following = false;

function follow(streamId: string, initial: Showcase): void {
  if (following) return;
  following = true;
  current.value = viewerShowcase(initial, initialOffset(initial));
  // Stock counts from racing reservations may arrive out of order: keep the newest per product.
  const stockVersions = new Map<string, string>();
  const live = liveRoom();
  const update = (change: (show: ViewerShowcase) => ViewerShowcase) => {
    if (current.value) current.value = change(current.value);
  };
  live.on("pins", ({ products }) => update((show) => ({ ...show, pins: products })));
  live.on("highlight", (message) => update((show) => applyHighlight(show, message, Date.now())));
  live.on("stock", ({ productId, stock, version }) => {
    if (version) {
      if (version < (stockVersions.get(productId) ?? "")) return;
      stockVersions.set(productId, version);
    }
    const withStock = (p: ProductCard) => p.id === productId ? { ...p, stock } : p;
    update((show) => ({
      ...show,
      pins: show.pins.map(withStock),
      highlight: show.highlight && withStock(show.highlight),
    }));
  });
  live.onResync(async () => {
    const sentAt = Date.now();
    const fresh = await getJson<Showcase>(`/api/streams/${encodeURIComponent(streamId)}/showcase`)
      .catch(() => null);
    // The answer's serverNow lies somewhere in the round trip: its middle is the best guess.
    if (fresh && current.value && fresh.serverNow >= current.value.readAt) {
      current.value = viewerShowcase(fresh, clockOffset(fresh.serverNow, (sentAt + Date.now()) / 2));
    }
  });
}

/** A highlight message, unless the state already reflects a later read of the server. */
export function applyHighlight(
  show: ViewerShowcase,
  message: MessageOf<"highlight">,
  receivedAt: number,
): ViewerShowcase {
  if (message.serverNow < show.readAt) return show;
  const { product, sale, serverNow } = message;
  return { ...show, highlight: product, sale, offset: clockOffset(serverNow, receivedAt), readAt: serverNow };
}
