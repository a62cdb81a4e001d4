import { assertEquals, assertRejects } from "@/tests/assert.ts";
import { testServices } from "@/tests/fixtures/services.ts";
import { addChatMessage } from "@/lib/chat/store.ts";
import { keys } from "@/lib/kv/keys.ts";
import { createStream } from "@/lib/streams/store.ts";
import { heldStream, HOLD_MS, streamSnapshot } from "./stream_snapshot.ts";

const input = { sellerId: "s1", sellerName: "Bo", title: "Linen, live", description: "" };
const chat = { name: "Ada", role: "viewer" as const, text: "Hello" };
const author = { identity: "guest-ada", browser: null };

/** Counts the reads of keys under `prefix` that reach the store. */
function counting(kv: Deno.Kv, prefix: string) {
  const seen = { reads: 0 };
  const list = kv.list.bind(kv);
  kv.list = ((selector: Deno.KvListSelector, options?: Deno.KvListOptions) => {
    if ("prefix" in selector && selector.prefix[0] === prefix) seen.reads++;
    return list(selector, options);
  }) as Deno.Kv["list"];
  return seen;
}

Deno.test("a stream's snapshot is read once for every page while nothing changes", async () => {
  await using services = await testServices();
  const stream = (await createStream(services.kv, input, services.clock.now(), { perDay: 20 }))!;
  const chatReads = counting(services.kv, "chat");
  const pages = await Promise.all(Array.from({ length: 20 }, () => streamSnapshot(services, stream.id)));
  assertEquals(new Set(pages.map((p) => p.version)).size, 1);
  assertEquals(chatReads.reads, 1);
  assertEquals(heldStream(services.kv, stream.id)?.sellerId, "s1");
});

Deno.test("a change that tells the room is in the very next snapshot, before it is sent", async () => {
  await using services = await testServices();
  const stream = (await createStream(services.kv, input, services.clock.now(), { perDay: 20 }))!;
  const before = await streamSnapshot(services, stream.id);
  await addChatMessage(services.kv, stream.id, chat, services.clock.now(), {
    author,
    news: (line) => [{ message: line }],
  });
  const after = await streamSnapshot(services, stream.id);
  assertEquals([before.chat.length, after.chat.length], [0, 1]);
  assertEquals(after.chat[0]!.text, "Hello");
  // Not sent yet: the snapshot's seq is still the room's last, so the message comes after it.
  assertEquals(after.seq, 0);
});

Deno.test("a snapshot goes after HOLD_MS, for what changes without telling the room", async () => {
  await using services = await testServices();
  const stream = (await createStream(services.kv, input, services.clock.now(), { perDay: 20 }))!;
  const first = await streamSnapshot(services, stream.id);
  await services.kv.set(keys.likeCount(stream.id), 7); // unannounced
  assertEquals((await streamSnapshot(services, stream.id)).audience.likes.count, 0);
  services.clock.advance(HOLD_MS);
  const later = await streamSnapshot(services, stream.id);
  assertEquals([later.audience.likes.count, later.version > first.version], [7, true]);
});

Deno.test("a stream that does not exist is a 404, and nothing is kept of it", async () => {
  await using services = await testServices();
  const error = await assertRejects(() => streamSnapshot(services, "0nosuchstream000000000000"));
  assertEquals((error as { code?: string }).code, "stream_not_found");
  assertEquals(heldStream(services.kv, "0nosuchstream000000000000"), undefined);
});
