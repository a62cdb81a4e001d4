// The one way an island runs a user's action on the server (send, like, pin, reserve,
// go live…): busy while it runs, its failure shown in plain words, never thrown, and the
// keyboard's focus where it was.
import { type Signal, useSignal } from "@preact/signals";
import { ApiError, messageOf, unreachable } from "./api.ts";

export interface Action {
  /** True while an action runs: its buttons are disabled. */
  busy: Signal<boolean>;
  /** The last failure in plain words, until the next action ("" when none). */
  error: Signal<string>;
  /**
   * Runs `action`; resolves true when it succeeded. A failure that is not the server's
   * answer (a device, the browser) is told as `failure` when given.
   */
  run(action: () => Promise<unknown>, failure?: string): Promise<boolean>;
}

export function useAction(): Action {
  const busy = useSignal(false);
  const error = useSignal("");
  return {
    busy,
    error,
    async run(action, failure) {
      const focused = document.activeElement;
      busy.value = true;
      error.value = "";
      try {
        await action();
        return true;
      } catch (e) {
        error.value = e instanceof ApiError || !failure ? messageOf(e) : failure;
        // "Can't reach Showfloor" is no longer true once the connection is back.
        if (unreachable(e)) addEventListener("online", () => error.value = "", { once: true });
        return false;
      } finally {
        busy.value = false;
        keepFocus(focused);
      }
    },
  };
}

/**
 * A button disabled while its action runs loses the keyboard's focus to the page (out of
 * a dialog, too): once it is enabled again, the focus goes back to it, unless something
 * else took it meanwhile or the button is gone.
 */
function keepFocus(focused: Element | null): void {
  if (!(focused instanceof HTMLElement) || focused === document.body) return;
  requestAnimationFrame(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost && focused.isConnected) focused.focus();
  });
}
