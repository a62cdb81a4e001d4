import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { remainingMs } from "./server_clock.ts";

/**
 * This browser's clock at each render, re-rendering the caller four times a second while
 * `ticking`: a countdown. Read at render, not kept, so a countdown that starts late
 * starts from the right time.
 */
export function useNow(ticking: boolean): number {
  const ticks = useSignal(0);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => ticks.value++, 250);
    return () => clearInterval(timer);
  }, [ticking]);
  void ticks.value; // Reading the signal subscribes the caller to the ticks.
  return Date.now();
}

/**
 * Calls `then` when the first of `ends` (ISO times on the server's clock, `offset` ms
 * ahead of this browser's) runs out: a sale price, a hold, a timeout.
 */
export function useAtEnd(ends: (string | null)[], offset: number, then: () => void): void {
  useEffect(() => {
    const next = Math.min(...ends.filter((t) => t !== null).map((t) => remainingMs(t!, offset)));
    if (!Number.isFinite(next)) return;
    const timer = setTimeout(then, next + 50);
    return () => clearTimeout(timer);
  }, [ends.join()]);
}

/**
 * Calls `ask` every 20 s while `when` holds: what a closed room can no longer tell (holds
 * settled after the end), often enough to follow and rarely enough to cost nothing.
 */
export function useAskingAgain(when: boolean, ask: () => void): void {
  useEffect(() => {
    if (!when) return;
    const timer = setInterval(ask, 20_000);
    return () => clearInterval(timer);
  }, [when]);
}
