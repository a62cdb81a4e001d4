// Reactions go viewer → HTTP → server, which adds up a room's reactions and sends a lossy
// tally a few times a second: a thousand viewers reacting are a few messages, not a thousand.
import type { ReactionsMessage } from "@/lib/contract/messages.ts";
import { assertEquals, assertMatch } from "@/tests/assert.ts";
import { Client, expectError, kvSnapshot, sellerWithStream, viewer, withApp } from "./client.ts";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Deno.test("reactions from many viewers reach the room as one lossy tally per quarter second", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const viewers = await Promise.all(Array.from({ length: 20 }, () => viewer(app, streamId)));
    const react = (v: Client, emoji: string) => v.post(`/api/streams/${streamId}/reactions`, { emoji });
    const answers = await Promise.all(
      viewers.flatMap((v, i) => [react(v, "🔥"), react(v, i % 2 ? "❤️" : "🔥")]),
    );
    assertEquals(answers.map((r) => r.status), answers.map(() => 202));
    await wait(400);
    const tallies = app.rooms.sent.filter((s) => s.topic === "reactions");
    assertEquals(tallies.length, 1, "forty reactions, one message");
    assertEquals(tallies[0]!.lossy, true);
    assertEquals((tallies[0]!.message as ReactionsMessage).counts, { "🔥": 30, "❤️": 10 });
  }));

Deno.test("the stream keeps its reactions: a studio opened later starts from them, and the analytics count them", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    await seller.post(`/api/streams/${streamId}/live`);
    const viewers = await Promise.all(Array.from({ length: 3 }, () => viewer(app, streamId)));
    for (const [i, v] of viewers.entries()) {
      await v.post(`/api/streams/${streamId}/reactions`, { emoji: "🔥" });
      if (i) await v.post(`/api/streams/${streamId}/reactions`, { emoji: "🛍️" });
    }
    await wait(400);
    const studio = await (await seller.request(`/studio/${streamId}`)).text();
    assertMatch(studio, /data-emoji="🔥" data-count="3"/);
    assertMatch(studio, /data-emoji="🛍️" data-count="2"/);
    assertMatch(studio, /data-emoji="❤️" data-count="0"/);
    await seller.post(`/api/streams/${streamId}/end`);
    const analytics = await (await seller.request(`/api/streams/${streamId}/analytics`)).json();
    assertEquals(analytics.reactions, 5);
  }));

Deno.test("a reaction outside the closed set, without a guest, or past the limit is refused and sends nothing", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    const guest = await viewer(app, streamId);
    const path = `/api/streams/${streamId}/reactions`;
    const before = await kvSnapshot(app.services.kv);
    for (const body of [{ emoji: "💩" }, { emoji: "🔥", count: 1000 }, {}, { emoji: "<script>" }]) {
      await expectError(await guest.post(path, body), 400, "invalid_input");
    }
    await expectError(await new Client(app).post(path, { emoji: "🔥" }), 401, "name_required");
    assertEquals(await kvSnapshot(app.services.kv), before);
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await guest.post(path, { emoji: "🔥" })).status);
    assertEquals(statuses.filter((s) => s === 429).length, 2, "eight a second per viewer");
    await seller.post(`/api/streams/${streamId}/end`);
    app.clock.advance(1_000);
    await expectError(await guest.post(path, { emoji: "🔥" }), 409, "stream_ended");
    await wait(300);
    const tallies = app.rooms.sent.filter((s) => s.topic === "reactions");
    assertEquals(tallies.map((t) => (t.message as ReactionsMessage).counts), [{ "🔥": 8 }]);
  }));
