import { signal } from "@preact/signals";
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

Deno.test("follow() reads again a fetch the state changed under, so an older read never undoes a change", async () => {
  const state = signal<Pins>({ pins: [] });
  // The seller pins a product while the first read is on its way; that read saw no pins.
  const server = reads([{ pins: [] }, { pins: ["shirt"] }], (read) => {
    if (read === 0) state.value = { pins: ["shirt"] };
  });
  const following = follow(state, { on: {}, refetch: server.refetch }, signal(""), quiet);
  following.refetch();
  await settle();
  assertEquals(state.value.pins, ["shirt"]);
  assertEquals(server.count(), 2);
  following.stop();
});

Deno.test("follow() takes a read nothing changed under at once", async () => {
  const state = signal<Pins>({ pins: [] });
  const server = reads([{ pins: ["scarf"] }], () => {});
  const following = follow(state, { on: {}, refetch: server.refetch }, signal(""), quiet);
  following.refetch();
  await settle();
  assertEquals(state.value.pins, ["scarf"]);
  assertEquals(server.count(), 1);
  following.stop();
});

Deno.test("follow() stops reading again in a room that changes under every read, and takes the last", async () => {
  const state = signal<Pins>({ pins: [] });
  const server = reads([{ pins: ["tote"] }], (read) => state.value = { pins: [`change ${read}`] });
  const following = follow(state, { on: {}, refetch: server.refetch }, signal(""), quiet);
  following.refetch();
  await settle();
  assertEquals(server.count(), 4);
  assertEquals(state.value.pins, ["tote"]);
  following.stop();
});
