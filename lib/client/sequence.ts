// Where the page stands in its stream's sequence of messages (the outbox's `seq`): a
// repeat (delivered twice) is dropped, a gap (one missed) or a heartbeat ahead of us means
// something was lost, and so does silence: the page then fetches what it holds again.

/** How long a visible page may hear nothing before it assumes it missed something. */
export const SILENCE_MS = 30_000;

export interface Sequence {
  /**
   * Takes a message's `seq` (`tick`: a heartbeat's, which names the last one sent): "new"
   * to apply it, "repeat" to drop it, "gap" to apply it and fetch again.
   */
  take(seq: number | undefined, tick?: boolean, now?: number): "new" | "repeat" | "gap";
  /** True when nothing was heard for SILENCE_MS; restarts the wait. */
  silent(now?: number): boolean;
  /** Where the page stands before anything is heard: the `seq` its server-rendered state is as of. */
  startAt(seq: number): void;
}

export function sequence(): Sequence {
  let last: number | null = null;
  let heardAt = Date.now();
  return {
    take(seq, tick = false, now = Date.now()) {
      heardAt = now;
      if (seq === undefined) return "new";
      const before = last;
      if (before !== null && seq <= before) return tick ? "new" : "repeat";
      last = seq;
      if (before === null) return "new";
      return tick || seq > before + 1 ? "gap" : "new";
    },
    startAt(seq) {
      last = seq;
    },
    silent(now = Date.now()) {
      if (now - heardAt < SILENCE_MS) return false;
      heardAt = now;
      return true;
    },
  };
}
