// Words that are true only for a while: a confirmation ("Thanks: the seller will see your
// report."), a refusal with a wait ("Try again in 28 s"). Screen readers read them as they
// come; left on screen, they go stale.
import type { Signal } from "@preact/signals";

/** How long a confirmation stays on screen: time to read it. */
export const CONFIRMATION_MS = 5_000;

// Each signal's pending emptying: words said again are kept their full time.
const timers = new WeakMap<Signal<string>, ReturnType<typeof setTimeout>>();

/** Puts `words` in `signal`, and empties it `ms` later unless other words were put there meanwhile. */
export function sayFor(signal: Signal<string>, words: string, ms = CONFIRMATION_MS): void {
  clearTimeout(timers.get(signal));
  signal.value = words;
  timers.set(signal, setTimeout(() => signal.value === words && (signal.value = ""), ms));
}

/** As `sayFor`, emptied first: the same words said again (two alike reservations) are read again. */
export function sayAfresh(signal: Signal<string>, words: string): void {
  signal.value = "";
  setTimeout(() => sayFor(signal, words));
}
