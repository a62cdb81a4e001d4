import { assertEquals } from "@/tests/assert.ts";
import { clockOffset, formatRemaining, remainingMs } from "./server_clock.ts";

Deno.test("a browser whose clock runs 90 s fast counts down to the server's instant", () => {
  const serverNow = "2026-11-22T10:00:00.000Z";
  const browserNow = Date.parse(serverNow) + 90_000;
  const offset = clockOffset(serverNow, browserNow);
  assertEquals(offset, -90_000);
  assertEquals(remainingMs("2026-11-22T10:01:00.000Z", offset, browserNow), 60_000);
  assertEquals(remainingMs("2026-11-22T10:01:00.000Z", offset, browserNow + 61_000), 0);
});

Deno.test("formatRemaining() shows m:ss rounded up, and 0:00 only when over", () => {
  assertEquals(formatRemaining(60_000), "1:00");
  assertEquals(formatRemaining(59_001), "1:00");
  assertEquals(formatRemaining(9_000), "0:09");
  assertEquals(formatRemaining(1), "0:01");
  assertEquals(formatRemaining(0), "0:00");
  assertEquals(formatRemaining(-5), "0:00");
  assertEquals(formatRemaining(1_200_000), "20:00");
});
