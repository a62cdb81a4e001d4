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

Deno.test("atomically() rides out SQLite's busy errors from a second opener of the KV file", async () => {
  const dir = await Deno.makeTempDir();
  // Two openers of one file, as the app and a backup or a second process are.
  const [a, b] = [await Deno.openKv(`${dir}/kv.sqlite3`), await Deno.openKv(`${dir}/kv.sqlite3`)];
  try {
    const add = (kv: Deno.Kv) =>
      atomically("counting", async () => {
        const n = await kv.get<number>(["n"]);
        const ok = (await kv.atomic().check(n).set(["n"], (n.value ?? 0) + 1).commit()).ok;
        return ok || RETRY;
      }, { attempts: 1_000 });
    await Promise.all(Array.from({ length: 200 }, (_, i) => add(i % 2 ? a : b)));
    assertEquals((await a.get(["n"])).value, 200);
  } finally {
    a.close();
    b.close();
    await Deno.remove(dir, { recursive: true });
  }
});
