// The one clock the server reads, injected through the services: tests move it instead
// of sleeping. Ids (lib/kv/ids.ts) keep the real time, so lists stay in creation order.
export interface Clock {
  /** Milliseconds since the epoch, as Date.now(). */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still until moved: `advance(ms)` or `set(ms)`. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

export function manualClock(start = Date.now()): ManualClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => void (t += ms),
    set: (ms) => void (t = ms),
  };
}

/** An instant as the ISO string stored and sent everywhere. */
export const isoAt = (ms: number) => new Date(ms).toISOString();
