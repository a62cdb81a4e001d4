import { type AnyMessage, message } from "@/lib/contract/messages.ts";
import type { RoomService } from "@/lib/livekit/room_service.ts";
import { sequence } from "@/lib/client/sequence.ts";
import { assert, assertEquals } from "@/tests/assert.ts";
import { quietRooms } from "@/tests/fixtures/quiet_rooms.ts";
import { heartbeat } from "./heartbeat.ts";
import { type News, queue } from "./queue.ts";
import { createOutboxSender, type SenderOptions } from "./sender.ts";

interface Delivery {
  streamId: string;
  text?: string;
  seq?: number;
  to?: string[];
  closed?: boolean;
}

/** A stand-in for LiveKit's room API that records deliveries; `fail` decides per call whether it throws. */
function rooms(fail: (d: Delivery) => boolean = () => false) {
  const delivered: Delivery[] = [];
  const take = (d: Delivery) => {
    delivered.push(d);
    return fail(d) ? Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:7880")) : Promise.resolve();
  };
  const service: RoomService = {
    ...quietRooms(),
    send: (streamId, m: AnyMessage, opts = {}) =>
      take({
        streamId,
        text: m.type === "chat" ? m.text : m.type,
        seq: m.seq,
        ...(opts.to ? { to: opts.to } : {}),
      }),
    close: (streamId) => take({ streamId, closed: true }),
  };
  return { service, delivered };
}

const chat = (text: string): News => ({
  message: message("chat", { id: text, name: "Bo", role: "viewer", text, at: new Date(0).toISOString() }),
});
const hosts: SenderOptions = { hostsOf: () => Promise.resolve(["seller-1~hstudio"]) };

async function write(kv: Deno.Kv, streamId: string, ...news: News[]): Promise<void> {
  assert((await queue(kv.atomic(), streamId, news).commit()).ok);
}

async function withKv(fn: (kv: Deno.Kv) => Promise<void>): Promise<void> {
  const kv = await Deno.openKv(":memory:");
  try {
    await fn(kv);
  } finally {
    kv.close();
  }
}

const texts = (ds: Delivery[], streamId: string) =>
  ds.filter((d) => d.streamId === streamId).map((d) => d.text);

Deno.test("news commits with its change or not at all", () =>
  withKv(async (kv) => {
    const taken = await kv.get(["stock"]);
    await kv.set(["stock"], 1);
    const op = kv.atomic().check(taken).set(["stock"], 2);
    assertEquals((await queue(op, "s1", [chat("sold")]).commit()).ok, false);
    const { service, delivered } = rooms();
    assert(await createOutboxSender(kv, service, hosts).flush(1_000));
    assertEquals(delivered, [], "a change that did not commit tells nothing");
  }));

Deno.test("each stream's news is delivered in the order written, once, with its next seq, then deleted", () =>
  withKv(async (kv) => {
    for (let i = 0; i < 5; i++) await write(kv, "a", chat(`a${i}`));
    await write(kv, "b", chat("b0"), chat("b1"), chat("b2"));
    const { service, delivered } = rooms();
    const sender = createOutboxSender(kv, service, hosts);
    assert(await sender.flush(1_000));
    assertEquals(texts(delivered, "a"), ["a0", "a1", "a2", "a3", "a4"]);
    assertEquals(delivered.filter((d) => d.streamId === "a").map((d) => d.seq), [1, 2, 3, 4, 5]);
    assertEquals(delivered.filter((d) => d.streamId === "b").map((d) => d.seq), [1, 2, 3]);
    assert(await sender.flush(1_000));
    assertEquals(delivered.length, 8, "once");
    assertEquals((await Array.fromAsync(kv.list({ prefix: ["outbox"] }))).length, 0);
  }));

Deno.test("messages for the seller go to their studio only, outside the room's sequence; a close closes the room", () =>
  withKv(async (kv) => {
    await write(kv, "a", chat("all"), { message: message("likes", { count: 3 }), to: "hosts" }, {
      close: true,
    });
    const { service, delivered } = rooms();
    assert(await createOutboxSender(kv, service, hosts).flush(1_000));
    assertEquals(delivered, [
      { streamId: "a", text: "all", seq: 1 },
      { streamId: "a", text: "likes", seq: undefined, to: ["seller-1~hstudio"] },
      { streamId: "a", closed: true },
    ]);
  }));

Deno.test("while LiveKit is down nothing is lost or skipped; once it is back all goes out in order", () =>
  withKv(async (kv) => {
    let down = true;
    const { service, delivered } = rooms(() => down);
    const sender = createOutboxSender(kv, service, hosts);
    const logged = console.error;
    console.error = () => {};
    try {
      await write(kv, "a", chat("pin"), chat("highlight"), { close: true });
      assertEquals(await sender.flush(300), false);
    } finally {
      console.error = logged;
    }
    assert(delivered.every((d) => d.text === "pin"), "the first waits; the rest wait behind it");
    down = false;
    delivered.length = 0;
    assert(await sender.flush(1_000));
    assertEquals(delivered.map((d) => d.text ?? "close"), ["pin", "highlight", "close"]);
    assertEquals(delivered[0]!.seq, 1, "a retry keeps the seq it was given");
  }));

Deno.test("a send LiveKit took but whose answer was lost goes again with the same seq, and a page drops the repeat", () =>
  withKv(async (kv) => {
    let lost = 1;
    const { service, delivered } = rooms(() => lost-- > 0);
    await write(kv, "a", chat("one"), chat("two"));
    const logged = console.error;
    console.error = () => {};
    try {
      assert(await createOutboxSender(kv, service, hosts).flush(2_000));
    } finally {
      console.error = logged;
    }
    assertEquals(delivered.map((d) => [d.text, d.seq]), [["one", 1], ["one", 1], ["two", 2]]);
    const page = sequence();
    assertEquals(delivered.map((d) => page.take(d.seq)), ["new", "repeat", "new"]);
  }));

Deno.test("two app processes on one KV deliver each item once and in order", () =>
  withKv(async (kv) => {
    const { service, delivered } = rooms();
    const [one, two] = [createOutboxSender(kv, service, hosts), createOutboxSender(kv, service, hosts)];
    const streams = ["a", "b", "c", "d"];
    await Promise.all(
      streams.map(async (s) => {
        for (let i = 0; i < 25; i++) await write(kv, s, chat(`${s}${i}`));
      }),
    );
    await Promise.all([one.flush(5_000), two.flush(5_000)]);
    for (const s of streams) {
      assertEquals(texts(delivered, s), Array.from({ length: 25 }, (_, i) => `${s}${i}`));
    }
  }));

Deno.test("when the process delivering a stream dies, another takes over once its lease lapses", () =>
  withKv(async (kv) => {
    // The first process hangs in its first send, as if killed there: its lease is never renewed.
    const hung = { ...rooms().service, send: () => new Promise<void>(() => {}) };
    const { service, delivered } = rooms();
    await write(kv, "a", chat("one"), chat("two"));
    void createOutboxSender(kv, hung, { ...hosts, leaseMs: 300 }).flush(100);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    assert(await createOutboxSender(kv, service, { ...hosts, leaseMs: 300 }).flush(3_000));
    assert(Date.now() - started >= 200, "not while the lease held");
    assertEquals(texts(delivered, "a"), ["one", "two"]);
  }));

Deno.test("the heartbeat tells each room the last seq it was given", () =>
  withKv(async (kv) => {
    const { service, delivered } = rooms();
    await write(kv, "a", chat("one"), chat("two"));
    assert(await createOutboxSender(kv, service, hosts).flush(1_000));
    delivered.length = 0;
    await heartbeat(kv, service, ["a", "quiet"]);
    assertEquals(
      delivered,
      [{ streamId: "a", text: "tick", seq: 2 }],
      "a room never sent anything has no tick",
    );
    const page = sequence();
    page.take(1);
    assertEquals(page.take(2, true), "gap", "a page that heard only the first learns it missed one");
  }));
