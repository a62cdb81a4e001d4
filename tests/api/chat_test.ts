import type { ChatMessage } from "@/lib/contract/messages.ts";
import { getAnalytics } from "@/lib/analytics/store.ts";
import { keys } from "@/lib/kv/keys.ts";
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import {
  Client,
  expectError,
  kvSnapshot,
  say,
  sellerWithStream,
  signUp,
  type TestApp,
  viewer,
  withApp,
} from "./client.ts";

/** `n` messages from one person, a second apart: as fast as the chat's rate limit lets anyone. */
async function chatMany(
  app: TestApp,
  client: Client,
  streamId: string,
  n: number,
  text: (i: number) => string,
) {
  const sent: ChatMessage[] = [];
  for (let i = 0; i < n; i++) {
    sent.push(await say(client, streamId, text(i)));
    app.clock.advance(1_000);
  }
  return sent;
}

async function page(client: Client, streamId: string, query = ""): Promise<ChatMessage[]> {
  const res = await client.request(`/api/streams/${streamId}/chat${query}`);
  assertEquals(res.status, 200);
  return (await res.json()).messages;
}

Deno.test("bad chat input is a 4xx JSON error and stores nothing", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    const guest = await viewer(app, streamId);
    const path = `/api/streams/${streamId}/chat`;
    const before = await kvSnapshot(app.services.kv);
    for (const text of ["", "   \t ", "x".repeat(501), "ring\u0007ring", "two\nlines", "nul\u0000"]) {
      await expectError(await guest.post(path, { text }), 400, "invalid_input");
    }
    await expectError(await guest.post(path, { text: "hi", name: "Linen & Co" }), 400, "invalid_input");
    await expectError(await guest.post(path, { text: 42 }), 400, "invalid_input");
    await expectError(await guest.post(path, {}), 400, "invalid_input");
    for (const sendId of ["short", "x".repeat(41), "has space1", 12345678, null]) {
      await expectError(await guest.post(path, { text: "hi", sendId }), 400, "invalid_input");
    }
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
    await app.settle();
    assertEquals(app.rooms.sent, []);

    await seller.post(`/api/streams/${streamId}/end`);
    const ended = await kvSnapshot(app.services.kv);
    await expectError(await guest.post(path, { text: "hello?" }), 409, "stream_ended");
    assertEquals(await kvSnapshot(app.services.kv), ended);
  }));

Deno.test("a chat message is trimmed, and 500 characters is allowed", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const guest = await viewer(app, streamId);
    assertEquals((await say(guest, streamId, "  hello  ")).text, "hello");
    assertEquals((await say(guest, streamId, "é".repeat(500))).text.length, 500);
  }));

Deno.test("the sender's name and role come from the session or guest cookie, never the body", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    const named = new Client(app);
    assertEquals((await named.postForm("/guest", { name: "Ada", returnTo: "/" })).status, 303);
    const anonymous = await viewer(app, streamId);
    const rival = new Client(app);
    await signUp(rival, "rival@example.com", "Rival Goods");

    const fromSeller = await say(seller, streamId, "Welcome!");
    assertEquals([fromSeller.name, fromSeller.role], ["Linen & Co", "seller"]);
    const fromGuest = await say(named, streamId, "Hi");
    assertEquals([fromGuest.name, fromGuest.role], ["Ada", "viewer"]);
    const fromRival = await say(rival, streamId, "Nice");
    assertEquals([fromRival.name, fromRival.role], ["Rival Goods", "viewer"]);
    const fromAnonymous = await say(anonymous, streamId, "First time here");
    assertMatch(fromAnonymous.name, /^Guest [0-9A-F]{4}$/);
    assert(anonymous.cookie("sf_guest"), "the watch page gave the stranger a signed guest cookie");
    assertEquals((await say(anonymous, streamId, "again")).name, fromAnonymous.name);

    const stored = await app.services.kv.get<ChatMessage>(keys.chat(streamId, fromGuest.id));
    assertEquals(stored.value, fromGuest);
    assert(Math.abs(Date.parse(fromGuest.at) - Date.now()) < 5_000, "the server sets the time");
  }));

Deno.test("a chat message is stored first, then sent to the room as a chat data message", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const storedWhenSent: unknown[] = [];
    const send = app.rooms.send;
    app.rooms.send = async (id, message, opts) => {
      if (message.type === "chat") {
        storedWhenSent.push((await app.services.kv.get(keys.chat(id, message.id))).value);
      }
      return await send(id, message, opts);
    };
    const message = await say(await viewer(app, streamId), streamId, "Is the blue one in stock?");
    await app.settle();
    assertEquals(app.rooms.sent, [{ streamId, topic: "chat", message }]);
    assertEquals(storedWhenSent, [message]);
  }));

Deno.test("a resend with the same send id (its answer was lost) posts the message once", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const [ada, bo] = [await viewer(app, streamId), await viewer(app, streamId)];
    const path = `/api/streams/${streamId}/chat`;
    const send = async (who: Client, text: string, sendId: string) => {
      const res = await who.post(path, { text, sendId });
      assertEquals(res.status, 201);
      return (await res.json()).message as ChatMessage;
    };
    const first = await send(ada, "Is it linen?", "page1-send1");
    assertEquals(
      await send(ada, "Is it linen?", "page1-send1"),
      first,
      "the resend answers the same message",
    );
    const other = await send(bo, "Is it linen?", "page1-send1");
    assert(other.id !== first.id, "send ids are per person");
    await app.settle();
    assertEquals(app.rooms.sent.map((s) => (s.message as ChatMessage).id), [first.id, other.id]);
    assertEquals((await page(ada, streamId)).map((m) => m.id), [first.id, other.id]);
    assertEquals((await getAnalytics(app.services.kv, streamId)).chatMessages, 2);
  }));

Deno.test("anyone who sends more than 5 messages in 5 seconds, the host too, gets 429 and the extra is not stored", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    const guest = await viewer(app, streamId);
    for (let i = 0; i < 5; i++) await say(guest, streamId, `m${i}`);
    const before = await kvSnapshot(app.services.kv);
    const res = await guest.post(`/api/streams/${streamId}/chat`, { text: "one more" });
    assertEquals(res.headers.get("retry-after") !== null, true);
    assertMatch(await expectError(res, 429, "rate_limited"), /too fast/);
    assertEquals(await kvSnapshot(app.services.kv), before);
    await say(await viewer(app, streamId), streamId, "another viewer is not held back");
    for (let i = 0; i < 5; i++) await say(seller, streamId, `seller ${i}`);
    await expectError(
      await seller.post(`/api/streams/${streamId}/chat`, { text: "flood" }),
      429,
      "rate_limited",
    );
  }));

Deno.test("chat history pages: newest 50 oldest first, then before and after a message id", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    const sent = await chatMany(app, seller, streamId, 60, (i) => `m${i}`);
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

Deno.test("a query field given twice is refused, whichever value comes first, never read as its last", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    const [message] = await chatMany(app, seller, streamId, 1, () => "hi");
    const path = `/api/streams/${streamId}/chat`;
    for (
      const query of [`?after=%3Cscript%3E&after=${message!.id}`, `?after=${message!.id}&after=%3Cscript%3E`]
    ) {
      const said = await expectError(await seller.request(path + query), 400, "invalid_input");
      assertEquals(said, "after: given more than once", query);
    }
  }));

Deno.test("the watch page and the studio render the last 50 messages, with HTML as text", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    const sent = await chatMany(app, seller, streamId, 50, (i) => `message ${i}`);
    sent.push(await say(await viewer(app, streamId), streamId, "<b>x</b>"));
    for (const [client, path] of [[new Client(app), "watch"], [seller, "studio"]] as const) {
      const html = await (await client.request(`/${path}/${streamId}`)).text();
      const rendered = [...html.matchAll(/class="chat-message[^"]*" data-id="(\w+)"/g)].map((m) => m[1]);
      assertEquals(rendered, sent.slice(1).map((m) => m.id), `${path}: the last 50, oldest first`);
      assert(!html.includes("<b>x</b>"), `${path}: no live <b> anywhere in the page`);
      assertMatch(html, /<span class="chat-text">&lt;b>x&lt;\/b><\/span>|&lt;b&gt;x&lt;\/b&gt;/);
    }
  }));

Deno.test("a stranger without a cookie cannot chat: a new identity is not free", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const before = await kvSnapshot(app.services.kv);
    const stranger = new Client(app);
    for (let i = 0; i < 3; i++) {
      await expectError(
        await stranger.post(`/api/streams/${streamId}/chat`, { text: "spam" }),
        401,
        "name_required",
      );
    }
    assertEquals(stranger.cookie("sf_guest"), undefined, "no guest is minted on the spot");
    assertEquals(await kvSnapshot(app.services.kv), before);
    await app.settle();
    assertEquals(app.rooms.sent, []);
  }));

Deno.test("a hundred and ten cookie-less browsers from one address get at most the address's share of guests", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const address = "198.51.100.23";
    let named = 0;
    for (let i = 0; i < 110; i++) {
      const browser = await new Client(app, undefined, address).watch(streamId);
      if (browser.cookie("sf_guest")) named++;
    }
    assertEquals(named, 100, "the 'guest' limit: 100 new guests per address in 10 minutes");
    const late = new Client(app, undefined, address);
    await late.watch(streamId);
    assertEquals(late.cookie("sf_guest"), undefined, "the page still renders, without a new identity");
    await expectError(await late.post(`/api/streams/${streamId}/chat`, { text: "hi" }), 401, "name_required");
  }));

Deno.test("names and chat lose bidi overrides and zero-width characters", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const guest = new Client(app);
    await guest.postForm("/guest", { name: "Ann\u202Egnp.exe\u200B", returnTo: "/" });
    const message = await say(guest, streamId, "b\u200Buy \u202Enow\u2066 👩\u200D💻");
    assertEquals(message.name, "Anngnp.exe");
    assertEquals(message.text, "buy now 👩\u200D💻", "the joiner inside the emoji stays");
  }));

Deno.test("chat keeps no half of a surrogate pair, and no more than four marks stacked on a letter", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const guest = await viewer(app, streamId);
    const before = await kvSnapshot(app.services.kv);
    await expectError(
      await guest.post(`/api/streams/${streamId}/chat`, { text: "\ud800" }),
      400,
      "invalid_input",
    );
    assertEquals(await kvSnapshot(app.services.kv), before, "a refused line changes nothing");
    assertEquals((await say(guest, streamId, "ok\udc00 then")).text, "ok then");
    const zalgo = "H" + "\u0301\u0300\u0302\u0303\u0304\u0306".repeat(40);
    assertEquals((await say(guest, streamId, `${zalgo}ello`)).text, "H\u0301\u0300\u0302\u0303ello");
    // Scripts that stack marks keep them: Vietnamese written decomposed, Hebrew with points, Tibetan.
    for (const text of ["Vie\u0323\u0302t Nam", "שָׁלוֹם", "བཀྲ་ཤིས་བདེ་ལེགས།"]) {
      assertEquals((await say(guest, streamId, text)).text, text);
      app.clock.advance(1_000);
    }
  }));

Deno.test("a stranger's first visit to the watch page offers the name form, with the guest name they were given", () =>
  withApp(async (app) => {
    const { streamId } = await sellerWithStream(app);
    const stranger = new Client(app);
    const html = await (await stranger.request(`/watch/${streamId}`)).text();
    assert(stranger.cookie("sf_guest"), "they became a guest");
    assertMatch(html, /Your name in chat[\s\S]*value="Guest [0-9A-F]{4}"/);
  }));
