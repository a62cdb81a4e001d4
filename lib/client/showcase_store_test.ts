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

Deno.test("applyHighlight() takes a newer highlight and measures the clock offset from it", () => {
  const receivedAt = Date.parse("2026-11-22T10:01:30.000Z"); // this browser runs 90 s ahead
  const next = applyHighlight(show, message("2026-11-22T10:00:06.000Z"), receivedAt);
  assertEquals(next.highlight, shirt);
  assertEquals(next.offset, Date.parse("2026-11-22T10:00:06.000Z") - receivedAt);
  assertEquals(next.readAt, "2026-11-22T10:00:06.000Z");
});

Deno.test("applyHighlight() ignores a highlight read before the state it has", () => {
  assertEquals(applyHighlight(show, message("2026-11-22T10:00:04.000Z"), Date.now()), show);
});
