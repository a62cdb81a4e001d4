import { assert, assertEquals } from "../../tests/assert.ts";
import { createStream, endStream, goLive, listLiveStreams, listSellerStreams } from "./streams.ts";

async function withKv(fn: (kv: Deno.Kv) => Promise<void>) {
  const kv = await Deno.openKv(":memory:");
  try {
    await fn(kv);
  } finally {
    kv.close();
  }
}

const input = (title: string) => ({ sellerId: "s1", sellerName: "Bo", title, description: "" });

Deno.test("goLive() lets only one of two racing streams of a seller go live", () =>
  withKv(async (kv) => {
    const a = await createStream(kv, input("A"));
    const b = await createStream(kv, input("B"));
    const results = await Promise.all([goLive(kv, a), goLive(kv, b)]);
    assertEquals(results.filter((r) => r.ok).length, 1);
    assertEquals((await listLiveStreams(kv)).length, 1);
  }));

Deno.test("endStream() frees the seller to go live with another stream, and an ended stream stays ended", () =>
  withKv(async (kv) => {
    const a = await createStream(kv, input("A"));
    const b = await createStream(kv, input("B"));
    assert((await goLive(kv, a)).ok);
    const ended = await endStream(kv, a);
    assertEquals(ended.status, "ended");
    assert(ended.endedAt);
    assertEquals(await goLive(kv, a), { ok: false, reason: "ended" });
    assert((await goLive(kv, b)).ok);
    assertEquals((await listLiveStreams(kv)).map((s) => s.title), ["B"]);
  }));

Deno.test("listSellerStreams() lists a seller's own streams, newest first", () =>
  withKv(async (kv) => {
    await createStream(kv, input("first"));
    await createStream(kv, input("second"));
    await createStream(kv, { ...input("someone else's"), sellerId: "s2" });
    assertEquals((await listSellerStreams(kv, "s1")).map((s) => s.title), ["second", "first"]);
  }));
