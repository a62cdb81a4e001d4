import { assertEquals, assertRejects } from "@/tests/assert.ts";
import { allOf } from "./all_of.ts";

Deno.test("allOf() gives each promise's value under its name, and fails as soon as one fails", async () => {
  const slow = new Promise<string>((resolve) => setTimeout(() => resolve("late"), 5));
  assertEquals(await allOf({ a: Promise.resolve(1), b: slow, c: null }), { a: 1, b: "late", c: null });
  const failed = await assertRejects(() =>
    allOf({ a: Promise.resolve(1), b: Promise.reject(new Error("no")) })
  );
  assertEquals(failed.message, "no");
});
