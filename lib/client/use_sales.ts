// The seller's sales as the room tells them: reservations as they arrive and change, the
// stock left of each pinned product, and marking a held reservation paid or released.
// A new reservation, and the seller's own change, are said in a few words for a screen
// reader; those already there when the page loads or reads them again are not.
import { type Signal, useSignal } from "@preact/signals";
import { SALES_FEED_SIZE } from "@/lib/contract/limits.ts";
import { itemsText, type ReservationMessage } from "@/lib/contract/messages.ts";
import type { Sales } from "@/lib/contract/views.ts";
import { getJson, postJson, streamApi } from "./api.ts";
import { sayAfresh } from "./say_for.ts";
import { watchingSession } from "./signed_out.ts";
import { type LiveState, stockVersions, useLiveState } from "./live_state.ts";
import { type Action, useAction } from "./use_action.ts";
import { useAskingAgain } from "./use_now.ts";

export interface SalesControls extends LiveState<Sales>, Omit<Action, "run"> {
  /** What just happened, for a few seconds ("Bob reserved 1 × Cotton socks"). */
  said: Signal<string>;
  /** Marks a held reservation paid or releases it; resolves true when the server agreed. */
  resolve(id: string, what: "paid" | "release"): Promise<boolean>;
}

/** "Bob, 1 × Cotton socks": a reservation in a few words. */
export const whoAndWhat = (r: ReservationMessage) => `${r.name}, ${itemsText(r.items)}`;

export function useSales(streamId: string, initial: Sales): SalesControls {
  const base = streamApi(streamId);
  const said = useSignal("");
  const say = (words: string) => sayAfresh(said, words);
  const live = useLiveState(initial, {
    on: {
      // A new reservation goes on top; a known one (paid, released, expired) changes in place.
      reservation: (state, reservation) => {
        const known = state.reservations.some((r) => r.id === reservation.id);
        if (!known && reservation.status === "held") {
          say(`${reservation.name} reserved ${itemsText(reservation.items)}`);
        }
        const reservations = known
          ? state.reservations.map((r) => r.id === reservation.id ? reservation : r)
          : [reservation, ...state.reservations].slice(0, SALES_FEED_SIZE);
        return { ...state, reservations };
      },
      stock: (state, { productId, stock }) => ({
        ...state,
        pinned: state.pinned.map((p) => p.id === productId ? { ...p, stock } : p),
      }),
      pins: (state, { products }) => ({ ...state, pinned: products }),
    },
    versions: stockVersions,
    // Read again every few seconds while the studio is outside its room, whenever the tab is
    // shown, and after a drop: what tells the studio its seller was signed out, and back in.
    refetch: () => watchingSession(getJson<Sales>(`${base}/sales`)),
    // A product on show edited or deleted (its price, its name): the pinned cards again.
    refetchOn: ["changed"],
  });
  // Holds run out, or are settled from another device, without a word once the room has
  // closed (after the end): asked for again while any is held.
  const held = live.state.value.reservations.some((r) => r.status === "held");
  useAskingAgain(held, live.refetch);
  const { busy, error, run } = useAction();
  const resolve = (id: string, what: "paid" | "release") =>
    run(async () => {
      const { reservation } = await postJson<{ reservation: ReservationMessage }>(
        `${base}/reservations/${encodeURIComponent(id)}/${what}`,
      );
      const line = live.state.value.reservations.find((r) => r.id === id);
      const reservations = live.state.value.reservations.map((r) =>
        r === line ? { ...r, status: reservation.status } : r
      );
      live.state.value = { ...live.state.value, reservations };
      if (line) say(`${what === "paid" ? "Marked paid" : "Released"}: ${whoAndWhat(line)}`);
      // Its stock back, heard in the room while live; after the end nothing is, so ask.
      if (what === "release") live.refetch();
    });
  return { ...live, busy, error, said, resolve };
}
