import { assertEquals } from "@/tests/assert.ts";
import { addChatMessage, listChat } from "./store.ts";

async function post(kv: Deno.Kv, streamId: string, texts: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const text of texts) {
    ids.push(
      (await addChatMessage(kv, streamId, { name: "Bo", role: "viewer", text }, Date.now(), () => [])).chat
        .id,
    );
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
