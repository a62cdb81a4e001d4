import { type Signal, useSignal } from "@preact/signals";
import { messageOf } from "./api.ts";

export interface Action {
  /** True while an action runs: its buttons are disabled. */
  busy: Signal<boolean>;
  /** The last failure in plain words, until the next action. */
  error: Signal<string | null>;
  run(action: () => Promise<void>): Promise<void>;
}

/** A user's action on the server (add to cart, pin, …): busy while it runs, its failure shown, never thrown. */
export function useAction(): Action {
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);
  return {
    busy,
    error,
    async run(action) {
      busy.value = true;
      error.value = null;
      try {
        await action();
      } catch (e) {
        error.value = messageOf(e);
      } finally {
        busy.value = false;
      }
    },
  };
}
