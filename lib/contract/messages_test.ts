import { assertEquals } from "@/tests/assert.ts";
import { decodeMessage, encodeMessage, message } from "./messages.ts";

const at = "2026-11-22T10:00:00.000Z";

Deno.test("a status message survives encodeMessage() and decodeMessage()", () => {
  const bytes = encodeMessage(message("status", { status: "ended", at }));
  assertEquals(decodeMessage("status", bytes), { v: 1, type: "status", status: "ended", at });
});

Deno.test("decodeMessage() ignores malformed JSON, unknown versions and wrong shapes", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  assertEquals(decodeMessage("status", enc("{not json")), null);
  assertEquals(
    decodeMessage("status", enc(JSON.stringify({ v: 2, type: "status", status: "live", at }))),
    null,
  );
  assertEquals(
    decodeMessage("status", enc(JSON.stringify({ v: 1, type: "status", status: "paused", at }))),
    null,
  );
  assertEquals(
    decodeMessage("status", enc(JSON.stringify({ v: 1, type: "status", status: "live", at: "yesterday" }))),
    null,
  );
});

Deno.test("a product card's image is an image of this app's, never another address", () => {
  const card = (imageUrl: string | null) => ({
    id: "p1",
    name: "Linen shirt",
    priceMinor: 4900,
    currency: "EUR",
    stock: 3,
    imageUrl,
  });
  const pins = (imageUrl: string | null) =>
    new TextEncoder().encode(
      JSON.stringify({
        v: 1,
        type: "pins",
        products: [card(imageUrl)],
        serverNow: "2026-11-27T10:00:00.000Z",
      }),
    );
  const own = `/images/${"0a".repeat(16)}.png`;
  assertEquals(decodeMessage("pins", pins(own))?.products[0]?.imageUrl, own);
  assertEquals(decodeMessage("pins", pins(null))?.products[0]?.imageUrl, null);
  for (const foreign of ["https://evil.example/x.png", "javascript:alert(1)", "/images/../secret.png"]) {
    assertEquals(decodeMessage("pins", pins(foreign)), null, foreign);
  }
});

Deno.test("a message's times are UTC dates and times that exist", () => {
  const status = (at: string) =>
    decodeMessage(
      "status",
      new TextEncoder().encode(JSON.stringify({ v: 1, type: "status", status: "live", at })),
    );
  for (const at of ["2026-11-22T10:00:00Z", "2026-11-22T10:00:00.123Z", "2028-02-29T23:59:59Z"]) {
    assertEquals(status(at)?.at, at, at);
  }
  for (
    const at of [
      "2026-11-22",
      "10:00:00",
      "2026-11-22T10:00Z",
      "2026-11-22T10:00:00+01:00",
      "2026-11-22T10:00:00",
      "2026-02-29T10:00:00Z",
      "2026-11-22T24:00:00Z",
      "P1D",
    ]
  ) {
    assertEquals(status(at), null, at);
  }
});

Deno.test("a reactions tally counts the app's emoji only, each from 1 to 100,000", () => {
  const tally = (counts: unknown) =>
    decodeMessage("reactions", new TextEncoder().encode(JSON.stringify({ v: 1, type: "reactions", counts })));
  assertEquals(tally({ "🔥": 3, "❤️": 100_000 })?.counts, { "🔥": 3, "❤️": 100_000 });
  assertEquals(tally({})?.counts, {});
  for (
    const counts of [{ "🙂": 1 }, { "🔥": 0 }, { "🔥": 1.5 }, { "🔥": 100_001 }, { "🔥": "3" }, ["🔥"], null]
  ) {
    assertEquals(tally(counts), null, JSON.stringify(counts));
  }
});
