// The server's clock as seen from a browser whose own clock may be off by minutes: a
// flash sale ends at one instant of the server's, and every viewer counts down to it.

/**
 * What a reading of the server's clock says of the offset (server minus browser, ms): the
 * server read `serverNow` after the request left (`sentAt`) and before its answer came
 * (`receivedAt`). A room message has no request, only a (possibly late) arrival: it only
 * says the offset is at least `serverNow - receivedAt`.
 */
export interface ClockBounds {
  low: number;
  high: number;
}

export function reading(serverNow: string, receivedAt: number, sentAt = -Infinity): ClockBounds {
  const at = Date.parse(serverNow);
  return { low: at - receivedAt, high: at - sentAt };
}

/** What two readings say together; when they contradict (the browser's clock was set meanwhile), the newer. */
export function narrow(held: ClockBounds, next: ClockBounds): ClockBounds {
  const low = Math.max(held.low, next.low);
  const high = Math.min(held.high, next.high);
  return low <= high ? { low, high } : next;
}

/** The best guess within the bounds: their middle, or the lower bound while no upper one is known. */
export function offsetOf({ low, high }: ClockBounds): number {
  if (!Number.isFinite(low)) return Number.isFinite(high) ? high : 0;
  return Number.isFinite(high) ? (low + high) / 2 : low;
}

// This browser's one estimate, narrowed by every reading any island takes. Browser only:
// on the server, islands render with an offset of 0 (its own clock is right).
let bounds: ClockBounds = { low: -Infinity, high: Infinity };

/** Adds a reading of the server's clock; returns the offset as now best known. */
export function heard(serverNow: string, receivedAt: number, sentAt?: number): number {
  bounds = narrow(bounds, reading(serverNow, receivedAt, sentAt));
  return offsetOf(bounds);
}

/** The reading a server-rendered `serverNow` gives: read while the page was requested. */
export function heardWithPage(serverNow: string): number {
  const [page] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
  // Navigation times are on the monotonic clock; brought to Date.now()'s, which may be set wrong.
  const wall = (t: number) => Date.now() - (performance.now() - t);
  return page
    ? heard(serverNow, wall(page.responseStart), wall(page.requestStart))
    : heard(serverNow, Date.now());
}

/** Time left (ms, 0 once passed) until `endsAt` on the server's clock. */
export function remainingMs(endsAt: string, offset: number, now = Date.now()): number {
  return Math.max(0, Date.parse(endsAt) - (now + offset));
}

/** "m:ss", rounded up so a countdown shows 0:00 only once it is over. */
export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
