// The one way an island runs a user's action on the server (send, like, pin, reserve,
// go live…): busy while it runs, its failure shown in plain words, never thrown, and the
// keyboard's focus where it was.
import { type Signal, useSignal } from "@preact/signals";
import { ApiError, messageOf, unreachable } from "./api.ts";
import { sayFor } from "./say_for.ts";

export interface Action {
  /** True while an action runs: its buttons are disabled. */
  busy: Signal<boolean>;
  /** The last failure in plain words, until the next action or its wait is over ("" when none). */
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
      const focus = keepFocus(document.activeElement);
      busy.value = true;
      error.value = "";
      try {
        await action();
        return true;
      } catch (e) {
        const words = e instanceof ApiError || !failure ? messageOf(e) : failure;
        // "Try again in 28 s" is stale once the wait is over: the refusal goes with it.
        const wait = e instanceof ApiError && e.retryAfterSeconds;
        if (wait) sayFor(error, words, wait * 1000);
        else error.value = words;
        // "Can't reach Showfloor" is no longer true once the connection is back.
        if (unreachable(e)) addEventListener("online", () => error.value = "", { once: true });
        return false;
      } finally {
        busy.value = false;
        focus();
      }
    },
  };
}

// A form's hidden inputs take no focus: the next part of the page does.
const FOCUSABLE = "button:enabled,a,input:not([type=hidden]),select";

/**
 * A button disabled while its action runs loses the keyboard's focus to the page (out of
 * a dialog, too): once it is enabled again, the focus goes back to it, unless something
 * else took it meanwhile. A button gone with what it acted on (a product pinned, a hold
 * let go), or disabled by it (the first of a list cannot go up), leaves the focus to the
 * first control in the nearest part of the page still there. Focus moved elsewhere while
 * the action ran (the person went on to another control) stays where it is: a slow action
 * never takes it back.
 */
function keepFocus(focused: Element | null): () => void {
  // Its place in the page, taken before the action can remove it.
  const around: Element[] = [];
  for (let e = focused; e && e !== document.body; e = e.parentElement) around.push(e);
  let moved = false;
  let placing = false;
  const move = () => moved ||= !placing;
  addEventListener("focusin", move);
  // Looked at twice, a frame apart: a render just after (the room's word, a read) can take
  // away what the focus went to.
  let frames = 2;
  const place = () => {
    if (!moved && (!document.activeElement || document.activeElement === document.body)) {
      const e = around.find((e) => e.isConnected && (e.matches(FOCUSABLE) || e.querySelector(FOCUSABLE)));
      placing = true;
      ((e?.matches(FOCUSABLE) ? e : e?.querySelector(FOCUSABLE)) as HTMLElement | null)?.focus();
      placing = false;
    }
    if (--frames) requestAnimationFrame(place);
    else removeEventListener("focusin", move);
  };
  return () => requestAnimationFrame(place);
}
