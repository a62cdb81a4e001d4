import { assert, assertMatch } from "@/tests/assert.ts";
import { createPasswordPool } from "./password_pool.ts";

/** A pool for one test, closed after it. */
async function withPool(fn: (pool: ReturnType<typeof createPasswordPool>) => Promise<void>) {
  const pool = createPasswordPool();
  try {
    await fn(pool);
  } finally {
    pool.close();
  }
}

Deno.test("hash() produces an argon2id hash that verify() accepts, and a wrong password it refuses", () =>
  withPool(async (pool) => {
    const hash = await pool.hash("correct horse battery");
    assertMatch(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert(await pool.verify("correct horse battery", hash));
    assert(!(await pool.verify("correct horse batterz", hash)));
    assert((await pool.hash("same password")) !== (await pool.hash("same password")), "salted");
  }));

Deno.test("hashing runs off the event loop: timers keep firing while eight hashes run", () =>
  withPool(async (pool) => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      await Promise.all(Array.from({ length: 8 }, () => pool.hash("correct horse battery")));
    } finally {
      clearInterval(timer);
    }
    assert(ticks >= 5, `only ${ticks} timer ticks while hashing`);
  }));

Deno.test("a flood of hashes beyond the queue is told to try again at once, not queued without end", () =>
  withPool(async (pool) => {
    const results = await Promise.allSettled(Array.from({ length: 60 }, () => pool.hash("flood")));
    const busy = results.filter((r) => r.status === "rejected");
    assert(busy.length >= 20, `${busy.length} refused`);
    assert(busy.every((r) => (r as PromiseRejectedResult).reason?.code === "busy"));
    assert(results.some((r) => r.status === "fulfilled"));
  }));
