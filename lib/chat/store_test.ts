import { assert, assertEquals } from "@/tests/assert.ts";
import { addChatMessage, listChat } from "./store.ts";

async function post(kv: Deno.Kv, streamId: string, texts: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const text of texts) {
    const result = await addChatMessage(kv, streamId, { name: "Bo", role: "viewer", text }, {
      now: Date.now(),
    });
    assert(result.ok);
    ids.push(result.message.id);
  }
  return ids;
}

const texts = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);

Deno.test("listChat() pages through a stream's chat oldest first, before and after an id", async () => {
  using kv = await Deno.openKv(":memory:");
  const ids = await post(kv, "s1", texts(7));
  await post(kv, "s2", ["elsewhere"]);
  const text = (ms: { text: string }[]) => ms.map((m) => m.text);
  assertEquals(text(await listChat(kv, "s1", { limit: 3 })), ["m4", "m5", "m6"]);
  assertEquals(text(await listChat(kv, "s1", { before: ids[4]!, limit: 3 })), ["m1", "m2", "m3"]);
  assertEquals(text(await listChat(kv, "s1", { before: ids[1]!, limit: 3 })), ["m0"]);
  assertEquals(text(await listChat(kv, "s1", { after: ids[1]!, limit: 3 })), ["m2", "m3", "m4"]);
  assertEquals(text(await listChat(kv, "s1", { after: ids[6]! })), []);
  assertEquals((await listChat(kv, "s1")).length, 7);
});

Deno.test("addChatMessage() refuses a sender over the limit and stores nothing, but not other senders", async () => {
  using kv = await Deno.openKv(":memory:");
  const limit = (identity: string) => ({ identity, max: 2, windowMs: 60_000 });
  const send = (identity: string) =>
    addChatMessage(kv, "s1", { name: "Bo", role: "viewer", text: "hi" }, {
      now: Date.now(),
      limit: limit(identity),
    });
  const results = await Promise.all([send("a"), send("a"), send("a")]);
  assertEquals(results.filter((r) => r.ok).length, 2, "racing posts from one sender share one limit");
  const refused = results.find((r) => !r.ok);
  assert(refused && !refused.ok && refused.retryAfterMs > 0);
  assert((await send("b")).ok);
  assertEquals((await listChat(kv, "s1")).length, 3);
});
