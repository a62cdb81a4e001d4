import { assertEquals, assertRejects } from "@/tests/assert.ts";
import { batchedReads } from "./batched_reads.ts";

/** A :memory: store that counts the reads that reach it. */
async function countedKv() {
  const kv = await Deno.openKv(":memory:");
  const reads = { get: 0, getMany: 0 };
  const spy = new Proxy(kv, {
    get(target, name) {
      if (name === "get" || name === "getMany") reads[name]++;
      const value = Reflect.get(target, name, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { kv, spy, reads };
}

Deno.test("batchedReads() sends the gets and getManys asked for together as one getMany", async () => {
  const { kv, spy, reads } = await countedKv();
  await kv.atomic().set(["like", "ada"], true).set(["cart", "ada"], [1]).set(["ban", "bo"], "spam").commit();
  const batched = batchedReads(spy);
  const [like, cart, [ban, none]] = await Promise.all([
    batched.get(["like", "ada"]),
    batched.get(["cart", "ada"]),
    batched.getMany([["ban", "bo"], ["ban", "ada"]]),
  ]);
  assertEquals([like.value, cart.value, ban!.value, none!.value], [true, [1], "spam", null]);
  assertEquals(reads, { get: 0, getMany: 1 });
  // Reads asked for one after another are not held back for each other.
  await batched.get(["like", "ada"]);
  await batched.get(["cart", "ada"]);
  assertEquals(reads.getMany, 3);
  kv.close();
});

Deno.test("batchedReads() splits a batch into getMany's ten keys, and passes eventual reads and lists through", async () => {
  const { kv, spy, reads } = await countedKv();
  for (let i = 0; i < 25; i++) await kv.set(["n", i], i);
  const batched = batchedReads(spy);
  const entries = await Promise.all(Array.from({ length: 25 }, (_, i) => batched.get<number>(["n", i])));
  assertEquals(entries.map((e) => e.value), Array.from({ length: 25 }, (_, i) => i));
  assertEquals(reads.getMany, 3);
  assertEquals((await batched.get(["n", 3], { consistency: "eventual" })).value, 3);
  assertEquals(reads.get, 1);
  assertEquals((await Array.fromAsync(batched.list({ prefix: ["n"] }))).length, 25);
  kv.close();
});

Deno.test("batchedReads() fails every read of a batch the store refuses", async () => {
  const { kv } = await countedKv();
  const batched = batchedReads(kv);
  kv.close();
  await assertRejects(() => Promise.all([batched.get(["a"]), batched.get(["b"])]));
});
