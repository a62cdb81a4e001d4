import { assertEquals, assertRejects } from "@/tests/assert.ts";
import { atomically, RETRY } from "./atomic.ts";

Deno.test("atomically() retries an attempt that lost a race, and returns what the winning one returns", async () => {
  let tries = 0;
  assertEquals(await atomically("counting", () => Promise.resolve(++tries < 3 ? RETRY : tries)), 3);
});

Deno.test("atomically() gives up after its attempts with a clear busy error", async () => {
  let tries = 0;
  const error = await assertRejects(() =>
    atomically("liking", () => (tries++, Promise.resolve(RETRY)), { attempts: 4 })
  );
  assertEquals(tries, 4);
  assertEquals((error as { code?: string }).code, "busy");
});
