// Reactions on the client: everyone's arrive over LiveKit (lossy, topic "reaction");
// one's own are shown locally too, because LiveKit does not echo a sender's data.
import { type Emoji, REACTION_EMOJI } from "@/lib/contract/limits.ts";
import { encodeMessage, message } from "@/lib/contract/messages.ts";
import { liveRoom } from "./live_room.ts";

export { type Emoji, REACTION_EMOJI };

/** A few per second per viewer at most; the island drops clicks beyond that. */
export const REACTIONS_PER_SECOND = 3;

const local = new Set<(emoji: Emoji) => void>();

/** Calls `fn` with every reaction: the room's and this page's own. Returns the unsubscribe function. */
export function onReaction(fn: (emoji: Emoji) => void): () => void {
  const off = liveRoom().on("reaction", (message) => fn(message.emoji));
  local.add(fn);
  return () => {
    off();
    local.delete(fn);
  };
}

/** Shows the reaction here and sends it to the room (when connected): lossy, a few bytes. */
export async function sendReaction(emoji: Emoji): Promise<void> {
  local.forEach((fn) => fn(emoji));
  const { room } = liveRoom();
  if (room.state !== "connected") return;
  const bytes = encodeMessage(message("reaction", { emoji })) as Uint8Array<ArrayBuffer>;
  await room.localParticipant.publishData(bytes, {
    reliable: false,
    topic: "reaction",
  });
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
