import { type Signal, signal } from "@preact/signals";
import { assertEquals } from "@/tests/assert.ts";
import { follow } from "./live_state.ts";

// A room that says nothing: these tests drive the fetches themselves.
const quiet = { on: () => () => {}, onResync: () => () => {} };

interface Pins {
  pins: string[];
}

/** A refetch whose reads answer `answers` in turn, each after `during` has run. */
function reads(answers: Pins[], during: (read: number) => void) {
  let count = 0;
  return {
    count: () => count,
    refetch: () => {
      const read = count++;
      const answer = answers[Math.min(read, answers.length - 1)]!;
      during(read);
      return Promise.resolve(answer);
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Follows `state` in a quiet room and reads it from `server` now; once the reads settle, the following. */
async function readNow(state: Signal<Pins>, server: ReturnType<typeof reads>) {
  const following = follow(state, { on: {}, refetch: server.refetch }, signal(""), quiet);
  following.refetch();
  await settle();
  return following;
}

Deno.test("follow() reads again a fetch the state changed under, so an older read never undoes a change", async () => {
  const state = signal<Pins>({ pins: [] });
  // The seller pins a product while the first read is on its way; that read saw no pins.
  const server = reads([{ pins: [] }, { pins: ["shirt"] }], (read) => {
    if (read === 0) state.value = { pins: ["shirt"] };
  });
  const following = await readNow(state, server);
  assertEquals(state.value.pins, ["shirt"]);
  assertEquals(server.count(), 2);
  following.stop();
});

Deno.test("follow() takes a read nothing changed under at once", async () => {
  const state = signal<Pins>({ pins: [] });
  const server = reads([{ pins: ["scarf"] }], () => {});
  const following = await readNow(state, server);
  assertEquals(state.value.pins, ["scarf"]);
  assertEquals(server.count(), 1);
  following.stop();
});

Deno.test("follow() never takes a read the state changed under: in a busy room it reads again a little later", async () => {
  const state = signal<Pins>({ pins: [] });
  // The room changes the state under the first five reads; the sixth lands on a quiet room.
  const server = reads([{ pins: ["tote"] }], (read) => {
    if (read < 5) state.value = { pins: [`change ${read}`] };
  });
  const following = await readNow(state, server);
  assertEquals(server.count(), 4, "read again at once, three times");
  assertEquals(state.value.pins, ["change 3"], "no read taken yet");
  await new Promise((resolve) => setTimeout(resolve, 400));
  assertEquals(server.count(), 6);
  assertEquals(state.value.pins, ["tote"]);
  following.stop();
});

Deno.test("follow() keeps one's own answer over the room's older message that arrives after it", () => {
  const heard = new Map<string, (message: unknown) => void>();
  const room = {
    on: (topic: string, fn: (message: unknown) => void) => (heard.set(topic, fn), () => {}),
    onResync: () => () => {},
  };
  const state = signal<Pins>({ pins: [] });
  const versions = (item: object) => ({ pins: (item as { serverNow?: string }).serverNow });
  const following = follow(
    state,
    { on: { pins: (_held, { products }) => ({ pins: products.map((p) => p.id) }) }, versions },
    signal(""),
    room as never,
  );
  const pins = (ids: string[], serverNow: string) => ({
    v: 1,
    type: "pins",
    products: ids.map((id) => ({ id })),
    serverNow,
  });
  // The answer to the second pin arrives before the room tells of the first.
  following.keep({ pins: ["shirt", "scarf"] }, pins(["shirt", "scarf"], "2026-11-27T10:00:02.000Z"));
  heard.get("pins")!(pins(["shirt"], "2026-11-27T10:00:01.000Z"));
  assertEquals(state.value.pins, ["shirt", "scarf"]);
  heard.get("pins")!(pins(["shirt", "scarf"], "2026-11-27T10:00:02.000Z"));
  heard.get("pins")!(pins(["scarf"], "2026-11-27T10:00:03.000Z"));
  assertEquals(state.value.pins, ["scarf"], "a later change, from another tab, is taken");
  following.stop();
});
