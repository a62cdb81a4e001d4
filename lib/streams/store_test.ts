import { assert, assertEquals } from "@/tests/assert.ts";
import { createStream, endStream, goLive, listLiveStreams, listSellerStreams } from "./store.ts";

async function withKv(fn: (kv: Deno.Kv) => Promise<void>) {
  const kv = await Deno.openKv(":memory:");
  try {
    await fn(kv);
  } finally {
    kv.close();
  }
}

const NOW = Date.parse("2026-05-01T12:00:00Z");
const QUOTA = { perDay: 20 };
const input = (title: string) => ({ sellerId: "s1", sellerName: "Bo", title, description: "" });

Deno.test("goLive() lets only one of two racing streams of a seller go live", () =>
  withKv(async (kv) => {
    const a = (await createStream(kv, input("A"), NOW, QUOTA))!;
    const b = (await createStream(kv, input("B"), NOW, QUOTA))!;
    const results = await Promise.all([goLive(kv, a, NOW, () => []), goLive(kv, b, NOW, () => [])]);
    assertEquals(results.filter((r) => r.ok).length, 1);
    assertEquals((await listLiveStreams(kv)).length, 1);
  }));

Deno.test("endStream() frees the seller to go live with another stream, and an ended stream stays ended", () =>
  withKv(async (kv) => {
    const a = (await createStream(kv, input("A"), NOW, QUOTA))!;
    const b = (await createStream(kv, input("B"), NOW, QUOTA))!;
    assert((await goLive(kv, a, NOW, () => [])).ok);
    const ended = await endStream(kv, a, NOW, () => []);
    assertEquals(ended.status, "ended");
    assert(ended.endedAt);
    assertEquals(await goLive(kv, a, NOW, () => []), { ok: false, reason: "ended" });
    assert((await goLive(kv, b, NOW, () => [])).ok);
    assertEquals((await listLiveStreams(kv)).map((s) => s.title), ["B"]);
  }));

Deno.test("listSellerStreams() lists a seller's own streams, newest first", () =>
  withKv(async (kv) => {
    await createStream(kv, input("first"), NOW, QUOTA);
    await createStream(kv, input("second"), NOW, QUOTA);
    await createStream(kv, { ...input("someone else's"), sellerId: "s2" }, NOW, QUOTA);
    assertEquals((await listSellerStreams(kv, "s1")).map((s) => s.title), ["second", "first"]);
  }));
