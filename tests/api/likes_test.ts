import type { LikesMessage } from "@/lib/contract/messages.ts";
import { assertEquals } from "@/tests/assert.ts";
import {
  Client,
  createStream,
  expectError,
  kvSnapshot,
  sellerWithStream,
  viewer,
  withApp,
} from "./client.ts";

Deno.test("a like toggles per viewer, is counted once, announced to the room, and read back on load", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const [a, b] = [await viewer(app, streamId), await viewer(app, streamId)];
    // The version is a KV versionstamp; what matters here is that it only grows.
    const plain = ({ count, liked }: { count: number; liked: boolean }) => ({ count, liked });
    const like = async (c: Client) => plain(await (await c.post(`/api/streams/${streamId}/like`)).json());
    assertEquals(await like(a), { count: 1, liked: true });
    assertEquals(await like(b), { count: 2, liked: true });
    assertEquals(await like(a), { count: 1, liked: false });
    const empty = await a.request(`/api/streams/${streamId}/like`, { method: "POST" });
    assertEquals(plain(await empty.json()), { count: 2, liked: true }, "an empty body is fine too");
    await app.settle();
    const told = app.rooms.sent.flatMap((s, i) => s.topic === "likes" ? [i] : []);
    const sent = told.map((i) => app.rooms.sent[i]!.message as LikesMessage);
    assertEquals(
      sent.map(({ v, type, count }) => ({ v, type, count })),
      [1, 2, 1, 2].map((count) => ({ v: 1, type: "likes", count })),
    );
    const versions = told.map((i) => app.rooms.envelopes[i]!.version);
    assertEquals(versions, [...versions].sort(), "versions grow with each change");
    const seqs = told.map((i) => app.rooms.envelopes[i]!.seq);
    assertEquals(seqs, [1, 2, 3, 4], "each has the next place in the room's sequence");
    assertEquals(new Set(versions).size, 4);
    assertEquals(plain(await (await b.request(`/api/streams/${streamId}/like`)).json()), {
      count: 2,
      liked: true,
    });
    assertEquals(plain(await (await new Client(app).request(`/api/streams/${streamId}/like`)).json()), {
      count: 2,
      liked: false,
    });
    const page = await (await b.request(`/watch/${streamId}`)).text();
    assertEquals(
      /class="likes" data-count="2" data-liked="true"/.test(page),
      true,
      "the watch page renders it",
    );
  }));

Deno.test("racing likes from many viewers are all counted", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    const viewers = await Promise.all(Array.from({ length: 12 }, () => viewer(app, streamId)));
    await Promise.all(viewers.map((v) => v.post(`/api/streams/${streamId}/like`)));
    assertEquals((await (await seller.request(`/api/streams/${streamId}/like`)).json()).count, 12);
  }));

Deno.test("liking refuses a missing stream, an ended one and any body but {}, storing nothing", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    const ended = await createStream(seller, "Over");
    await seller.post(`/api/streams/${ended}/live`);
    await seller.post(`/api/streams/${ended}/end`);
    const guest = await viewer(app, streamId);
    const before = await kvSnapshot(app.services.kv);
    const path = `/api/streams/${streamId}/like`;
    await expectError(await guest.post("/api/streams/nope/like"), 404, "stream_not_found");
    await expectError(await guest.post(`/api/streams/${ended}/like`), 409, "stream_ended");
    await expectError(await guest.post(path, { liked: true }), 400, "invalid_input");
    await expectError(await guest.post(path, { identity: "guest-someone-else" }), 400, "invalid_input");
    await expectError(await guest.post(path, []), 400, "invalid_input");
    await expectError(
      await guest.request(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{",
      }),
      400,
      "bad_json",
    );
    await expectError(
      await guest.request(path, { method: "POST", headers: { "content-type": "text/plain" }, body: "like" }),
      415,
      "unsupported_media_type",
    );
    assertEquals(await kvSnapshot(app.services.kv), before);
  }));

Deno.test("thirty cookie-less likes are thirty 401s: a like needs a guest, and a guest is not free", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const before = await kvSnapshot(app.services.kv);
    for (let i = 0; i < 30; i++) {
      await expectError(await new Client(app).post(`/api/streams/${streamId}/like`), 401, "name_required");
    }
    assertEquals(await kvSnapshot(app.services.kv), before);
  }));

Deno.test("one viewer toggling a like in a loop is held to the limit, with the wait", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const guest = await viewer(app, streamId);
    const answers = [];
    for (let i = 0; i < 25; i++) answers.push(await guest.post(`/api/streams/${streamId}/like`));
    assertEquals(answers.filter((r) => r.status === 200).length, 20);
    const limited = answers.filter((r) => r.status === 429);
    assertEquals(limited.length, 5);
    assertEquals(Number(limited[0]!.headers.get("retry-after")) > 0, true);
    await Promise.all(answers.map((r) => r.body?.cancel()));
  }));
