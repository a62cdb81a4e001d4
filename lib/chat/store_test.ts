import { assertEquals } from "@/tests/assert.ts";
import { addChatMessage, getChatMessage, listChat, removeChatMessage, removeMessagesBy } from "./store.ts";

async function post(
  kv: Deno.Kv,
  streamId: string,
  texts: string[],
  identity = "guest-bo",
): Promise<string[]> {
  const ids: string[] = [];
  for (const text of texts) {
    const author = { identity, browser: null };
    const { chat } = await addChatMessage(kv, streamId, { name: "Bo", role: "viewer", text }, Date.now(), {
      author,
      news: () => [],
    });
    ids.push(chat.id);
  }
  return ids;
}

const texts = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);
const text = (ms: { text: string }[]) => ms.map((m) => m.text);

Deno.test("listChat() pages through a stream's chat oldest first, before and after an id", async () => {
  using kv = await Deno.openKv(":memory:");
  const ids = await post(kv, "s1", texts(7));
  await post(kv, "s2", ["elsewhere"]);
  assertEquals(text(await listChat(kv, "s1", { limit: 3 })), ["m4", "m5", "m6"]);
  assertEquals(text(await listChat(kv, "s1", { before: ids[4]!, limit: 3 })), ["m1", "m2", "m3"]);
  assertEquals(text(await listChat(kv, "s1", { before: ids[1]!, limit: 3 })), ["m0"]);
  assertEquals(text(await listChat(kv, "s1", { after: ids[1]!, limit: 3 })), ["m2", "m3", "m4"]);
  assertEquals(text(await listChat(kv, "s1", { after: ids[6]! })), []);
  assertEquals((await listChat(kv, "s1")).length, 7);
});

Deno.test("a removed message, and every message of a banned author, is gone from every page", async () => {
  using kv = await Deno.openKv(":memory:");
  const [first] = await post(kv, "s1", ["hello", "buy now"], "guest-ann");
  await post(kv, "s1", ["hi"], "guest-bo");
  const troll = await post(kv, "s1", ["spam", "more spam"], "guest-troll");
  await post(kv, "s2", ["spam elsewhere"], "guest-troll");

  assertEquals((await getChatMessage(kv, "s1", first!))?.author, { identity: "guest-ann", browser: null });
  const removed = await removeChatMessage(kv, "s1", first!, (op) => op);
  assertEquals(removed?.text, "hello");
  assertEquals(await removeChatMessage(kv, "s1", first!, (op) => op), null, "gone already");
  assertEquals(await getChatMessage(kv, "s1", first!), null);

  assertEquals(await removeMessagesBy(kv, "s1", "guest-troll"), troll);
  assertEquals(text(await listChat(kv, "s1")), ["buy now", "hi"]);
  assertEquals(text(await listChat(kv, "s1", { after: first! })), ["buy now", "hi"]);
  assertEquals(text(await listChat(kv, "s2")), ["spam elsewhere"], "other streams keep theirs");
});
