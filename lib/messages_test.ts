import { assertEquals } from "../tests/assert.ts";
import { decodeMessage, encodeMessage } from "./messages.ts";

const at = "2026-11-22T10:00:00.000Z";

Deno.test("a status message survives encodeMessage() and decodeMessage()", () => {
  const bytes = encodeMessage("status", { v: 1, type: "status", status: "ended", at });
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
