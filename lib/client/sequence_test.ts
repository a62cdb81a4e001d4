import { assertEquals } from "@/tests/assert.ts";
import { sequence, SILENCE_MS } from "./sequence.ts";

Deno.test("a sequence applies the next message, drops a repeat and reports a gap", () => {
  const s = sequence();
  assertEquals([s.take(4), s.take(5), s.take(5), s.take(3), s.take(8), s.take(9)], [
    "new",
    "new",
    "repeat",
    "repeat",
    "gap",
    "new",
  ]);
  assertEquals(s.take(undefined), "new", "unsequenced messages (tallies, the seller's own) just pass");
});

Deno.test("a heartbeat ahead of what was heard is a gap; one that matches is not", () => {
  const s = sequence();
  assertEquals(s.take(7, true), "new", "the first thing heard sets where we stand");
  assertEquals(s.take(7, true), "new");
  assertEquals(s.take(9, true), "gap");
  assertEquals(s.take(10), "new");
});

Deno.test("silence longer than the limit asks for a fetch, once per silence", () => {
  const s = sequence();
  const t0 = Date.now();
  s.take(1, false, t0);
  assertEquals(s.silent(t0 + SILENCE_MS - 1), false);
  assertEquals(s.silent(t0 + SILENCE_MS), true);
  assertEquals(s.silent(t0 + SILENCE_MS + 1), false);
});

Deno.test("a page that starts where its server-rendered state stood spots a message missed before it connected", () => {
  const s = sequence();
  s.startAt(12);
  assertEquals(s.take(13), "new");
  const late = sequence();
  late.startAt(12);
  assertEquals(late.take(14), "gap", "13 went out before this page was in the room");
});
