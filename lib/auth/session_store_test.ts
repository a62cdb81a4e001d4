import { assertEquals } from "@/tests/assert.ts";
import { keys } from "@/lib/kv/keys.ts";
import { createSession, deleteSession, readSession } from "./session_store.ts";

const NOW = Date.now();

Deno.test("a session token reads back its seller until deleted, and KV never holds the token itself", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const token = await createSession(kv, "seller-1", NOW);
    assertEquals(await readSession(kv, token, NOW), "seller-1");
    assertEquals((await kv.get(keys.session(token))).value, null, "stored under its hash, not the token");
    assertEquals(await readSession(kv, token + "x", NOW), null);
    await deleteSession(kv, token);
    assertEquals(await readSession(kv, token, NOW), null);
  } finally {
    kv.close();
  }
});

Deno.test("an expired session reads as signed out even before KV drops it", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const token = await createSession(kv, "seller-1", NOW);
    assertEquals(await readSession(kv, token, NOW + 15 * 24 * 60 * 60 * 1000), null);
  } finally {
    kv.close();
  }
});
