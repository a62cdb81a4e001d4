import type { Emoji } from "@/lib/contract/limits.ts";
import type { ReactionsMessage } from "@/lib/contract/messages.ts";
import type { RoomService } from "@/lib/livekit/room_service.ts";
import { assert, assertEquals } from "@/tests/assert.ts";
import { quietRooms } from "@/tests/fixtures/quiet_rooms.ts";
import { withTempDir } from "@/tests/temp_dir.ts";
import { createReactionTally } from "./reaction_tally.ts";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A room service that records when each tally reached it. */
function recordingRooms(sent: { at: number; counts: ReactionsMessage["counts"] }[]): RoomService {
  return {
    ...quietRooms(),
    send: (_streamId, message) =>
      Promise.resolve(void sent.push({ at: Date.now(), counts: (message as ReactionsMessage).counts })),
  };
}

Deno.test("two processes on one KV send one tally per quarter second between them, losing nothing", () =>
  withTempDir("showfloor-reactions-", async (dir) => {
    // Two tallies share nothing but the KV: two app processes on one KV Connect server.
    const kv = await Deno.openKv(`${dir}/kv`);
    const sent: { at: number; counts: ReactionsMessage["counts"] }[] = [];
    const [a, b] = [
      createReactionTally(kv, recordingRooms(sent)),
      createReactionTally(kv, recordingRooms(sent)),
    ];
    try {
      const emojis: Emoji[] = ["🔥", "❤️"];
      for (let i = 0; i < 60; i++) {
        (i % 2 ? a : b).add("stream-1", emojis[i % 3 === 0 ? 1 : 0]!);
        await wait(20);
      }
      const total = (emoji: Emoji) => sent.reduce((sum, t) => sum + (t.counts[emoji] ?? 0), 0);
      for (let waited = 0; total("🔥") + total("❤️") < 60 && waited < 3_000; waited += 50) await wait(50);
      assertEquals([total("🔥"), total("❤️")], [40, 20], "every reaction counted once");
      const gaps = sent.slice(1).map((t, i) => t.at - sent[i]!.at);
      assert(gaps.every((gap) => gap >= 240), `tallies at least 250 ms apart: ${gaps}`);
      assert(sent.length >= 3, `1.2 s of reactions in ${sent.length} tallies`);
    } finally {
      await Promise.all([a.close(), b.close()]);
      kv.close();
    }
  }));

Deno.test("close() merges and sends what the process gathered at once", () =>
  withTempDir("showfloor-reactions-", async (dir) => {
    const kv = await Deno.openKv(`${dir}/kv`);
    const sent: { at: number; counts: ReactionsMessage["counts"] }[] = [];
    const tally = createReactionTally(kv, recordingRooms(sent));
    tally.add("stream-1", "🔥");
    tally.add("stream-1", "🔥");
    await tally.close();
    kv.close();
    assertEquals(sent.map((t) => t.counts), [{ "🔥": 2 }]);
  }));
