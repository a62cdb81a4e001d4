// The seller's showcase as the studio edits it: pins (with moves), the highlight and a
// flash sale. The server stores each change, then tells the room; its answer replaces
// what shows here, with the server's clock for the sale's countdown. A change that
// succeeded is said in a few words, for a screen reader, and goes after a few seconds.
// Starting a sale is refused at its price field, so it runs apart from the other changes.
import { type ReadonlySignal, type Signal, useComputed, useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { PinsMessage, ProductCard } from "@/lib/contract/messages.ts";
import type { Showcase } from "@/lib/contract/views.ts";
import { ApiError, deleteJson, getJson, postJson, putJson, streamApi } from "./api.ts";
import { showcaseVersions, useLiveState } from "./live_state.ts";
import { sayFor } from "./say_for.ts";
import { heard, heardWithPage } from "./server_clock.ts";
import { movedWords, saleWords } from "./showcase_words.ts";
import { type Action, useAction } from "./use_action.ts";
import { runningOn } from "./use_running_sale.ts";

export interface ShowcaseEditor {
  show: Signal<Showcase>;
  /** True while any change runs: the showcase's buttons are disabled. */
  busy: ReadonlySignal<boolean>;
  /** The last change's failure, but a sale's start ("" when none). */
  error: Signal<string>;
  /** Why the last sale could not start ("" when none): shown at its price. */
  saleRefused: Signal<string>;
  /** The server's clock minus this browser's (ms). */
  offset: Signal<number>;
  ready: Signal<boolean>;
  /** What the last change did, for a few seconds once it succeeded ("Pinned Linen shirt"); "" while one runs. */
  said: Signal<string>;
  /** Pins a catalog product after the others. */
  pin(product: ProductCard): Promise<boolean>;
  unpin(product: ProductCard): Promise<boolean>;
  /** Moves the pin at `from` to `to`. */
  move(from: number, to: number): Promise<boolean>;
  highlight(product: ProductCard | null): Promise<boolean>;
  /** Starts a flash sale on the highlight, in place of one that runs. */
  startSale(salePriceMinor: number, durationSeconds: number): Promise<boolean>;
  endSale(): Promise<boolean>;
}

/** `onGone`: a pin or highlight found a product deleted meanwhile (in another tab, say). */
export function useShowcaseEditor(streamId: string, initial: Showcase, onGone: () => void): ShowcaseEditor {
  const base = streamApi(streamId);
  // Also followed from the room, and fetched again when a product on show was edited or
  // deleted (on the Products page, say) and when the studio resyncs (lib/client/use_keeping_up.ts).
  const { state: show, ready, keep, refetch } = useLiveState(initial, {
    on: {
      pins: (held, { products }) => ({ ...held, pins: products }),
      highlight: (held, { product, sale, serverNow }) => ({ ...held, highlight: product, sale, serverNow }),
      stock: (held, { productId, stock }) => ({
        ...held,
        pins: held.pins.map((p) => p.id === productId ? { ...p, stock } : p),
        highlight: held.highlight?.id === productId ? { ...held.highlight, stock } : held.highlight,
      }),
    },
    versions: showcaseVersions,
    refetch: () => getJson<Showcase>(`${base}/showcase`),
    refetchOn: ["changed"],
  });
  const offset = useSignal(0);
  const said = useSignal("");
  const { busy: changing, error, run } = useAction();
  const starting = useAction();
  const busy = useComputed(() => changing.value || starting.busy.value);
  useEffect(() => void (offset.value = heardWithPage(initial.serverNow)), []);

  // Refused as the showcase stands now: changed from another tab (a 409), or a product
  // deleted meanwhile, whose row goes at once. The showcase is read again at once, so the
  // refusal is said beside what explains it, not beside a sale long over.
  const rereading = (action: () => Promise<void>) => async () => {
    try {
      await action();
    } catch (e) {
      const gone = e instanceof ApiError && e.code === "product_not_found";
      if (!(e instanceof ApiError) || (e.status !== 409 && !gone)) throw e;
      refetch();
      if (gone) onGone();
      throw e.code === "no_sale" ? new ApiError(409, e.code, "That sale had already ended.") : e;
    }
  };
  // Emptied as a change starts, so the same words said again are read again.
  const act = async (action: () => Promise<void>, words: () => string, runner = run) => {
    said.value = "";
    const done = await runner(rereading(action));
    if (done) sayFor(said, words());
    return done;
  };
  // A highlight or sale's answer, for those alone: a pin may have come after its read.
  const accept = (fresh: Showcase, sentAt: number) => {
    const { highlight, sale, serverNow } = fresh;
    keep({ ...show.value, highlight, sale, serverNow }, { type: "highlight", version: fresh.version });
    offset.value = heard(serverNow, Date.now(), sentAt);
  };
  // Runs a change whose answer is the new showcase, timed for the clock reading it carries.
  const change = (
    path: string,
    send: (path: string) => Promise<Showcase>,
    words: () => string,
    runner?: Action["run"],
  ) =>
    act(
      async () => {
        const sentAt = Date.now();
        accept(await send(`${base}/${path}`), sentAt);
      },
      words,
      runner,
    );
  const order = (productIds: string[], words: string) =>
    act(async () => {
      const pins = await putJson<PinsMessage>(`${base}/pins`, { productIds });
      keep({ ...show.value, pins: pins.products }, pins);
    }, () => words);
  const ids = () => show.value.pins.map((p) => p.id);
  return {
    show,
    offset,
    ready,
    said,
    busy,
    error,
    saleRefused: starting.error,
    pin: (product) => order([...ids(), product.id], `Pinned ${product.name}`),
    unpin: (product) => order(ids().filter((id) => id !== product.id), `Unpinned ${product.name}`),
    move(from, to) {
      const pins = ids();
      pins.splice(to, 0, ...pins.splice(from, 1));
      return order(pins, movedWords(show.value.pins[from]!, from, to));
    },
    highlight(product) {
      // A sale running on the highlight ends with it; a refusal of a sale on it is stale.
      const { highlight, sale } = show.value;
      const ended = runningOn(highlight, sale, offset.value) && highlight;
      starting.error.value = "";
      return change(
        "highlight",
        (path) => putJson<Showcase>(path, { productId: product?.id ?? null }),
        () =>
          (product ? `Highlighted ${product.name}` : "Cleared the highlight") +
          (ended ? `; the sale on ${ended.name} ended` : ""),
      );
    },
    startSale: (salePriceMinor, durationSeconds) =>
      change(
        "sale",
        (path) => postJson<Showcase>(path, { salePriceMinor, durationSeconds }),
        () => {
          const { highlight, sale } = show.value;
          return highlight && sale ? saleWords(highlight, sale, durationSeconds) : "";
        },
        starting.run,
      ),
    endSale() {
      const name = show.value.highlight?.name;
      return change("sale", (path) => deleteJson<Showcase>(path), () => `Ended the sale on ${name}`);
    },
  };
}
