// The server's clock as seen from a browser whose own clock may be off by minutes: a
// flash sale ends at one instant of the server's, and every viewer counts down to it.

/** The server's clock minus this browser's, from a server time and when it arrived here (ms). */
export function clockOffset(serverNow: string, receivedAt: number): number {
  return Date.parse(serverNow) - receivedAt;
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

/**
 * When this page's HTML started arriving, on this browser's clock: the moment a
 * server-rendered `serverNow` is closest to. Measured back from now with the monotonic
 * clock, so it agrees with Date.now() even when the page's clock is set wrong.
 */
export function pageReceivedAt(): number {
  const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
  return Date.now() - (performance.now() - (navigation?.responseStart ?? 0));
}

/** A time as the viewer's own clock and time zone show it: "14:32". */
export function localTime(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}
