import { assertEquals } from "@/tests/assert.ts";
import type { MessageOf } from "@/lib/contract/messages.ts";
import { applyHighlight, type ViewerShowcase } from "./showcase_store.ts";

const shirt = { id: "p1", name: "Linen shirt", priceMinor: 4900, currency: "EUR", stock: 3, imageUrl: null };
const show: ViewerShowcase = {
  pins: [shirt],
  highlight: null,
  sale: null,
  offset: 0,
  readAt: "2026-11-22T10:00:05.000Z",
};
const message = (serverNow: string): MessageOf<"highlight"> => ({
  v: 1,
  type: "highlight",
  product: shirt,
  sale: null,
  serverNow,
});

Deno.test("applyHighlight() takes a newer highlight, with the clock offset as best known", () => {
  const next = applyHighlight(show, message("2026-11-22T10:00:06.000Z"), -90_000);
  assertEquals(next.highlight, shirt);
  assertEquals(next.offset, -90_000);
  assertEquals(next.readAt, "2026-11-22T10:00:06.000Z");
});

Deno.test("applyHighlight() ignores a highlight read before the state it has", () => {
  assertEquals(applyHighlight(show, message("2026-11-22T10:00:04.000Z"), 0), show);
});
