import { assertEquals } from "@/tests/assert.ts";
import { formatRemaining, narrow, offsetOf, reading, remainingMs } from "./server_clock.ts";

Deno.test("a browser whose clock runs 90 s fast counts down to the server's instant", () => {
  const serverNow = "2026-11-22T10:00:00.000Z";
  const browserNow = Date.parse(serverNow) + 90_000;
  const offset = offsetOf(reading(serverNow, browserNow, browserNow));
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

Deno.test("readings narrow the offset: a fetch bounds it on both sides, a fresh room message from below", () => {
  const at = (s: number) => new Date(Date.parse("2026-11-22T10:00:00.000Z") + s * 1000).toISOString();
  const t0 = Date.parse(at(0)) + 90_000; // this browser runs 90 s fast
  // A slow fetch: sent at 0 s, the server read its clock at 1.5 s, the answer came at 2 s.
  const fetched = reading(at(1.5), t0 + 2_000, t0);
  assertEquals(fetched, { low: -90_500, high: -88_500 });
  assertEquals(offsetOf(fetched), -89_500, "the middle: half a second off");
  // A room message read at 10 s arrives 40 ms later: the offset is at least -90 040.
  const both = narrow(fetched, reading(at(10), t0 + 10_040));
  assertEquals(both, { low: -90_040, high: -88_500 });
  // A message delivered a minute late (LiveKit was down) says almost nothing.
  assertEquals(narrow(both, reading(at(20), t0 + 80_000)), both);
  // Readings that cannot both hold (this browser's clock was set 90 s further ahead): the newer wins.
  assertEquals(narrow(both, reading(at(30), t0 + 120_000, t0 + 119_900)), { low: -180_000, high: -179_900 });
  assertEquals(offsetOf(reading(at(0), t0)), -90_000, "a message alone: its lower bound");
});
