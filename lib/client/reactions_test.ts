import { assertEquals } from "@/tests/assert.ts";
import { rateLimiter } from "./reactions.ts";

Deno.test("rateLimiter() lets a few reactions a second through and drops the rest", () => {
  const limit = rateLimiter(3, 1000);
  assertEquals([0, 100, 200, 300, 900].map((t) => limit.take(t)), [true, true, true, false, false]);
  assertEquals(limit.take(1000), true, "the first one has left the window");
  assertEquals(limit.take(1050), false);
  assertEquals(limit.take(1200), true);
});
