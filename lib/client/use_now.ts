import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";

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
