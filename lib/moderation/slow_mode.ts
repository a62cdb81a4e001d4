// Slow mode: a viewer's messages in a stream at least N seconds apart. Each message takes
// a turn, checked and marked in one atomic commit, so two at once cannot both pass.
import { atomically, RETRY } from "@/lib/kv/atomic.ts";
import { keys } from "@/lib/kv/keys.ts";

/** Marks a message of the person now; the wait (ms) when their last was under `gapMs` ago, else 0. */
export async function takeTurn(
  kv: Deno.Kv,
  streamId: string,
  identity: string,
  gapMs: number,
  now: number,
): Promise<number> {
  const key = keys.lastChat(streamId, identity);
  return await atomically("checking slow mode", async () => {
    const last = await kv.get<number>(key);
    const wait = (last.value ?? -Infinity) + gapMs - now;
    if (wait > 0) return wait;
    const op = kv.atomic().check(last).set(key, now, { expireIn: gapMs });
    return (await op.commit()).ok ? 0 : RETRY;
  });
}
