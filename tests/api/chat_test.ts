import type { ChatMessage } from "@/lib/contract/messages.ts";
import { keys } from "@/lib/kv/keys.ts";
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import { Client, createStream, expectError, kvSnapshot, signUp, withApp } from "./client.ts";

type App = Parameters<Parameters<typeof withApp>[0]>[0];

/** A signed-up seller with one stream. */
async function sellerWithStream(app: App): Promise<{ seller: Client; streamId: string }> {
  const seller = new Client(app);
  await signUp(seller);
  return { seller, streamId: await createStream(seller) };
}

async function chat(client: Client, streamId: string, text: string): Promise<ChatMessage> {
  const res = await client.post(`/api/streams/${streamId}/chat`, { text });
  assertEquals(res.status, 201, await res.clone().text());
  return (await res.json()).message;
}

async function page(client: Client, streamId: string, query = ""): Promise<ChatMessage[]> {
  const res = await client.request(`/api/streams/${streamId}/chat${query}`);
  assertEquals(res.status, 200);
  return (await res.json()).messages;
}

Deno.test("bad chat input is a 4xx JSON error and stores nothing", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    const guest = new Client(app);
    const path = `/api/streams/${streamId}/chat`;
    const before = await kvSnapshot(app.services.kv);
    for (const text of ["", "   \t ", "x".repeat(501), "ring\u0007ring", "two\nlines", "nul\u0000"]) {
      await expectError(await guest.post(path, { text }), 400, "invalid_input");
    }
    await expectError(await guest.post(path, { text: "hi", name: "Linen & Co" }), 400, "invalid_input");
    await expectError(await guest.post(path, { text: 42 }), 400, "invalid_input");
    await expectError(await guest.post(path, {}), 400, "invalid_input");
    const malformed = await guest.request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"text": "hi"',
    });
    await expectError(malformed, 400, "bad_json");
    await expectError(
      await guest.request(path, { method: "POST", body: "text=hi" }),
      415,
      "unsupported_media_type",
    );
    await expectError(await guest.post("/api/streams/nope/chat", { text: "hi" }), 404, "stream_not_found");
    assertEquals(await kvSnapshot(app.services.kv), before);
    assertEquals(app.rooms.sent, []);

    await seller.post(`/api/streams/${streamId}/end`);
    const ended = await kvSnapshot(app.services.kv);
    await expectError(await guest.post(path, { text: "hello?" }), 409, "stream_ended");
    assertEquals(await kvSnapshot(app.services.kv), ended);
  }));

Deno.test("a chat message is trimmed, and 500 characters is allowed", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const guest = new Client(app);
    assertEquals((await chat(guest, streamId, "  hello  ")).text, "hello");
    assertEquals((await chat(guest, streamId, "é".repeat(500))).text.length, 500);
  }));

Deno.test("the sender's name and role come from the session or guest cookie, never the body", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    const named = new Client(app);
    assertEquals((await named.postForm("/guest", { name: "Ada", returnTo: "/" })).status, 303);
    const anonymous = new Client(app);
    const rival = new Client(app);
    await signUp(rival, "rival@example.com", "Rival Goods");

    const fromSeller = await chat(seller, streamId, "Welcome!");
    assertEquals([fromSeller.name, fromSeller.role], ["Linen & Co", "seller"]);
    const fromGuest = await chat(named, streamId, "Hi");
    assertEquals([fromGuest.name, fromGuest.role], ["Ada", "viewer"]);
    const fromRival = await chat(rival, streamId, "Nice");
    assertEquals([fromRival.name, fromRival.role], ["Rival Goods", "viewer"]);
    const fromAnonymous = await chat(anonymous, streamId, "First time here");
    assertMatch(fromAnonymous.name, /^Guest [0-9A-F]{4}$/);
    assert(anonymous.cookie("sf_guest"), "a guest without a cookie gets a signed one");
    assertEquals((await chat(anonymous, streamId, "again")).name, fromAnonymous.name);

    const stored = await app.services.kv.get<ChatMessage>(keys.chat(streamId, fromGuest.id));
    assertEquals(stored.value, fromGuest);
    assert(Math.abs(Date.parse(fromGuest.at) - Date.now()) < 5_000, "the server sets the time");
  }));

Deno.test("a chat message is stored first, then sent to the room as a chat data message", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const storedWhenSent: unknown[] = [];
    const send = app.rooms.send;
    app.rooms.send = async (id, message, to) => {
      if (message.type === "chat") {
        storedWhenSent.push((await app.services.kv.get(keys.chat(id, message.id))).value);
      }
      return await send(id, message, to);
    };
    const message = await chat(new Client(app), streamId, "Is the blue one in stock?");
    assertEquals(app.rooms.sent, [{ streamId, topic: "chat", message }]);
    assertEquals(storedWhenSent, [message]);
  }));

Deno.test("a viewer who sends more than 5 messages in 5 seconds gets 429 and the extra is not stored", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    const guest = new Client(app);
    for (let i = 0; i < 5; i++) await chat(guest, streamId, `m${i}`);
    const before = await kvSnapshot(app.services.kv);
    const res = await guest.post(`/api/streams/${streamId}/chat`, { text: "one more" });
    assertEquals(res.headers.get("retry-after") !== null, true);
    assertMatch(await expectError(res, 429, "too_many_messages"), /too fast/);
    assertEquals(await kvSnapshot(app.services.kv), before);
    await chat(new Client(app), streamId, "another viewer is not held back");
    for (let i = 0; i < 10; i++) await chat(seller, streamId, `seller ${i}`);
  }));

Deno.test("chat history pages: newest 50 oldest first, then before and after a message id", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    const sent: ChatMessage[] = [];
    for (let i = 0; i < 60; i++) sent.push(await chat(seller, streamId, `m${i}`));
    const ids = (ms: ChatMessage[]) => ms.map((m) => m.id);
    const viewer = new Client(app);
    assertEquals(ids(await page(viewer, streamId)), ids(sent.slice(10)));
    assertEquals(ids(await page(viewer, streamId, `?before=${sent[10]!.id}`)), ids(sent.slice(0, 10)));
    assertEquals(ids(await page(viewer, streamId, `?before=${sent[0]!.id}`)), []);
    assertEquals(ids(await page(viewer, streamId, `?after=${sent[54]!.id}`)), ids(sent.slice(55)));
    assertEquals(ids(await page(viewer, streamId, `?after=${sent[2]!.id}`)), ids(sent.slice(3, 53)));
    const path = `/api/streams/${streamId}/chat`;
    for (const query of ["?before=", "?after=ABC", "?before=x%3Cb%3E", "?limit=5", `?before=a&after=b`]) {
      await expectError(await viewer.request(path + query), 400, "invalid_input");
    }
    await expectError(await viewer.request("/api/streams/nope/chat"), 404, "stream_not_found");
  }));

Deno.test("the watch page and the studio render the last 50 messages, with HTML as text", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    const sent: ChatMessage[] = [];
    for (let i = 0; i < 50; i++) sent.push(await chat(seller, streamId, `message ${i}`));
    sent.push(await chat(new Client(app), streamId, "<b>x</b>"));
    for (const [client, path] of [[new Client(app), "watch"], [seller, "studio"]] as const) {
      const html = await (await client.request(`/${path}/${streamId}`)).text();
      const rendered = [...html.matchAll(/class="chat-message[^"]*" data-id="(\w+)"/g)].map((m) => m[1]);
      assertEquals(rendered, sent.slice(1).map((m) => m.id), `${path}: the last 50, oldest first`);
      assert(!html.includes("<b>x</b>"), `${path}: no live <b> anywhere in the page`);
      assertMatch(html, /<span class="chat-text">&lt;b>x&lt;\/b><\/span>|&lt;b&gt;x&lt;\/b&gt;/);
    }
  }));
