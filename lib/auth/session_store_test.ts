import { assertEquals } from "@/tests/assert.ts";
import { keys } from "@/lib/kv/keys.ts";
import { deleteUnder } from "@/lib/kv/delete_all.ts";
import { createSession, deleteSession, endSessions, indexOldSessions, readSession } from "./session_store.ts";

const NOW = Date.now();

/** An account as KV holds it (its password hash is all a session checks). */
async function account(kv: Deno.Kv, id: string, passwordHash = `hash of ${id}`) {
  await kv.set(keys.seller(id), { id, passwordHash });
  return { id, passwordHash };
}

Deno.test("a session token reads back its seller until deleted, and KV never holds the token itself", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const token = (await createSession(kv, await account(kv, "seller-1"), NOW))!;
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
    const token = (await createSession(kv, await account(kv, "seller-1"), NOW))!;
    assertEquals(await readSession(kv, token, NOW + 15 * 24 * 60 * 60 * 1000), null);
  } finally {
    kv.close();
  }
});

Deno.test("a seller's sessions end together but the one kept, those made before the index too, and no other seller's", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const one = await account(kv, "seller-1");
    const [kept, other] = await Promise.all([1, 2].map(() => createSession(kv, one, NOW)));
    const elsewhere = (await createSession(kv, await account(kv, "seller-2"), NOW))!;
    // As sessions made before the index: their entries were never written, until the sweep lists them.
    await deleteUnder(kv, keys.sessionsOf("seller-1"));
    await indexOldSessions(kv, NOW);
    await endSessions(kv, "seller-1", kept!);
    assertEquals(await readSession(kv, kept!, NOW), "seller-1");
    assertEquals(await readSession(kv, other!, NOW), null);
    assertEquals(await readSession(kv, elsewhere, NOW), "seller-2");
    assertEquals((await Array.fromAsync(kv.list({ prefix: keys.sessionsOf("seller-1") }))).length, 1);
    await deleteSession(kv, kept!);
    assertEquals(
      await Array.fromAsync(kv.list({ prefix: keys.sessionsOf("seller-1") })),
      [],
      "signing out unlists it",
    );
  } finally {
    kv.close();
  }
});

Deno.test("no session starts for a password checked before it changed, nor for an account gone meanwhile", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const checked = await account(kv, "seller-1", "old hash");
    await account(kv, "seller-1", "new hash");
    assertEquals(await createSession(kv, checked, NOW), null);
    await kv.delete(keys.seller("seller-1"));
    assertEquals(await createSession(kv, { id: "seller-1", passwordHash: "new hash" }, NOW), null);
    assertEquals(
      await Array.fromAsync(kv.list({ prefix: keys.sessionsOf("seller-1") })),
      [],
      "nothing written",
    );
  } finally {
    kv.close();
  }
});
