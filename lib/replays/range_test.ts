import { assertEquals } from "@/tests/assert.ts";
import { byteRange } from "./range.ts";

Deno.test("byteRange() reads the one range a video element asks for, and refuses one past the end", () => {
  const cases: [string | null, ReturnType<typeof byteRange>][] = [
    [null, null],
    ["bytes=0-", { start: 0, end: 99 }],
    ["bytes=10-19", { start: 10, end: 19 }],
    ["bytes=90-500", { start: 90, end: 99 }],
    ["bytes=-10", { start: 90, end: 99 }],
    ["bytes=-500", { start: 0, end: 99 }],
    ["bytes=100-", "unsatisfiable"],
    ["bytes=-0", "unsatisfiable"],
    ["bytes=20-10", null],
    ["bytes=0-1,5-9", null],
    ["bytes=-", null],
    ["items=0-9", null],
    ["bytes=abc", null],
  ];
  for (const [header, want] of cases) assertEquals(byteRange(header, 100), want, String(header));
});
