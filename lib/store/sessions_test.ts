import { assertEquals } from "../../tests/assert.ts";
import { keys } from "./keys.ts";
import { createSession, deleteSession, readSession } from "./sessions.ts";

Deno.test("a session token reads back its seller until deleted, and KV never holds the token itself", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const token = await createSession(kv, "seller-1");
    assertEquals(await readSession(kv, token), "seller-1");
    assertEquals((await kv.get(keys.session(token))).value, null, "stored under its hash, not the token");
    assertEquals(await readSession(kv, token + "x"), null);
    await deleteSession(kv, token);
    assertEquals(await readSession(kv, token), null);
  } finally {
    kv.close();
  }
});

Deno.test("an expired session reads as signed out even before KV drops it", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const token = await createSession(kv, "seller-1");
    const realNow = Date.now;
    Date.now = () => realNow() + 15 * 24 * 60 * 60 * 1000;
    try {
      assertEquals(await readSession(kv, token), null);
    } finally {
      Date.now = realNow;
    }
  } finally {
    kv.close();
  }
});
