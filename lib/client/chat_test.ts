import { assertEquals } from "@/tests/assert.ts";
import type { ChatMessage } from "@/lib/contract/messages.ts";
import { dropChat, mergeChat, reconcileChat } from "./chat.ts";

const msg = (id: string): ChatMessage => ({
  v: 1,
  type: "chat",
  id,
  name: "Bo",
  role: "viewer",
  text: id,
  at: "2025-01-01T00:00:00.000Z",
});
const ids = (ms: ChatMessage[]) => ms.map((m) => m.id);

Deno.test("mergeChat() keeps one message per id, ordered by id, whatever order they arrive in", () => {
  const current = [msg("b"), msg("d")];
  assertEquals(ids(mergeChat(current, [msg("e"), msg("a"), msg("d"), msg("c"), msg("e")])), [
    "a",
    "b",
    "c",
    "d",
    "e",
  ]);
});

Deno.test("mergeChat() returns the same list when nothing is new, so nothing re-renders", () => {
  const current = [msg("a"), msg("b")];
  assertEquals(mergeChat(current, [msg("b")]) === current, true);
});

Deno.test("dropChat() takes removed messages out, and returns the same list when none is held", () => {
  const current = [msg("a"), msg("b"), msg("c")];
  assertEquals(ids(dropChat(current, ["b", "x"])), ["a", "c"]);
  assertEquals(dropChat(current, ["x"]) === current, true);
});

Deno.test("reconcileChat() drops what the server no longer has within the fetched span, keeps the rest", () => {
  const held = [msg("a"), msg("c"), msg("d"), msg("f"), msg("h")];
  // Fetched: the newest from "c" to "f" ("d" was removed meanwhile, "e" is new); "h" came live after.
  assertEquals(ids(reconcileChat(held, [msg("c"), msg("e"), msg("f")])), ["a", "c", "e", "f", "h"]);
  assertEquals(reconcileChat(held, []) === held, true, "an empty fetch says nothing");
});
