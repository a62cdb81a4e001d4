// Reactions on the client: taps go to the server (POST), which sends the room a tally a
// few times a second. One's own taps show at once; the tally that later includes them is
// trimmed by them, so each shows once.
import { type Emoji, REACTION_EMOJI } from "@/lib/contract/limits.ts";
import { postJson, streamApi } from "./api.ts";
import { liveRoom } from "./live_room.ts";

export { type Emoji, REACTION_EMOJI };

/** A few per second per viewer at most; the island drops taps beyond that. */
export const REACTIONS_PER_SECOND = 3;

/** How long one's own tap waits to be found in a tally before it is forgotten. */
const OWN_TTL_MS = 3_000;

type Listener = (emoji: Emoji, count: number) => void;
const listeners = new Set<Listener>();
const own: { emoji: Emoji; at: number }[] = [];
let following = false;

/** Calls `fn` with every reaction: the room's tallies and this page's own taps. Returns the unsubscribe function. */
export function onReaction(fn: Listener): () => void {
  if (!following) {
    following = true;
    liveRoom().on("reactions", ({ counts }) => {
      for (const [emoji, count] of Object.entries(counts) as [Emoji, number][]) {
        const others = count - takeOwn(emoji, count);
        if (others > 0) listeners.forEach((fn) => fn(emoji, others));
      }
    });
  }
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Removes up to `count` of one's own recent taps of `emoji`; how many it removed. */
function takeOwn(emoji: Emoji, count: number): number {
  const now = Date.now();
  while (own.length && own[0]!.at < now - OWN_TTL_MS) own.shift();
  let taken = 0;
  for (let i = 0; i < own.length && taken < count;) {
    if (own[i]!.emoji === emoji) {
      own.splice(i, 1);
      taken++;
    } else i++;
  }
  return taken;
}

/** Shows the reaction here at once and sends it to the server for the room's next tally. */
export async function sendReaction(streamId: string, emoji: Emoji): Promise<void> {
  listeners.forEach((fn) => fn(emoji, 1));
  own.push({ emoji, at: Date.now() });
  await postJson(`${streamApi(streamId)}/reactions`, { emoji });
}

/** A sliding-window limiter: `take()` says whether one more event fits in the last `windowMs`. */
export function rateLimiter(max: number, windowMs = 1000): { take(now?: number): boolean } {
  const times: number[] = [];
  return {
    take(now = Date.now()) {
      while (times.length && times[0]! <= now - windowMs) times.shift();
      if (times.length >= max) return false;
      times.push(now);
      return true;
    },
  };
}
