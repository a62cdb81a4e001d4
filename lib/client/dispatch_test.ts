import { assertEquals } from "@/tests/assert.ts";
import { type AnyMessage, message } from "@/lib/contract/messages.ts";
import { dispatcher } from "./dispatch.ts";

const likes = (count: number, seq?: number): AnyMessage => ({ ...message("likes", { count }), seq });

Deno.test("an island that starts listening late gets what came before it, then the rest", () => {
  const d = dispatcher(() => {});
  d.receive(likes(1, 1));
  d.receive({ ...message("reactions", { counts: { "❤️": 2 } }) });
  d.receive(likes(2, 2));
  const seen: number[] = [];
  d.on("likes", (m) => seen.push(m.count));
  let tallies = 0;
  d.on("reactions", () => tallies++);
  d.receive(likes(3, 3));
  assertEquals(seen, [1, 2, 3]);
  assertEquals(tallies, 0, "lossy tallies are not replayed");
});

Deno.test("repeats are dropped and a gap asks every island to fetch again", () => {
  let resyncs = 0;
  const d = dispatcher(() => resyncs++);
  d.order.startAt(4);
  const seen: number[] = [];
  d.on("likes", (m) => seen.push(m.count));
  d.receive(likes(5, 5));
  d.receive(likes(5, 5));
  assertEquals([seen, resyncs], [[5], 0]);
  d.receive(likes(7, 7));
  assertEquals([seen, resyncs], [[5, 7], 1]);
});
