// The showcase a viewer sees (pins, highlight, flash sale) and the product sheet that is
// open, shared by the watch page's islands: the highlight card over the video and the tray
// under it open the same sheet. The module state lives in the browser only; on the server
// each island renders from its props, so requests never share it.
import { type Signal, signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { FlashSale, ProductCard } from "@/lib/contract/messages.ts";
import type { Showcase } from "@/lib/contract/views.ts";
import { getJson, streamApi } from "./api.ts";
import { type Follow, follow as followRoom, showcaseVersions } from "./live_state.ts";
import { heard, heardWithPage } from "./server_clock.ts";
import { endedNow } from "./stream_status.ts";

export interface ViewerShowcase {
  pins: ProductCard[];
  highlight: ProductCard | null;
  sale: FlashSale | null;
  /** The server's clock minus this browser's, in ms: every viewer counts down to the same instant. */
  offset: number;
  /** The versionstamp this was read at (`Showcase.version`): a pins or highlight message before it is outdated. */
  version: string;
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
  const { pins, highlight, sale, version } = showcase;
  return { pins, highlight, sale, offset, version };
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
  again = followRoom(current as Signal<ViewerShowcase>, showcaseRules(streamId), showcaseProblem).refetch;
}

const withStock = (productId: string, stock: number) => (p: ProductCard) =>
  p.id === productId ? { ...p, stock } : p;

/**
 * How the viewer's showcase follows the room. Pins and highlight messages, and fetched
 * showcases, are ordered by the commit they tell of: a read between a message being made
 * and its commit holds neither it nor a later clock, so the server's clock cannot order them.
 */
export const showcaseRules = (streamId: string): Follow<ViewerShowcase> => ({
  on: {
    pins: (show, { products }) => ({ ...show, pins: products }),
    highlight: (show, { product, sale, serverNow }) => ({
      ...show,
      highlight: product,
      sale,
      offset: heard(serverNow, Date.now()),
    }),
    stock: (show, { productId, stock }) => ({
      ...show,
      pins: show.pins.map(withStock(productId, stock)),
      highlight: show.highlight && withStock(productId, stock)(show.highlight),
    }),
  },
  versions: showcaseVersions,
  refetch: async () => {
    const sentAt = Date.now();
    const fresh = await getJson<Showcase>(`${streamApi(streamId)}/showcase`);
    return viewerShowcase(fresh, heard(fresh.serverNow, Date.now(), sentAt));
  },
  // A product on show was edited or deleted: what it looks like now is fetched.
  refetchOn: ["changed"],
});
