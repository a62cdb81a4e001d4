// Moderation in-process: only the host and the shop's moderators moderate (everyone else
// gets 403 and changes nothing), every action is stored with its log entry before it is
// announced, and what it does holds on the server: deleted and hidden messages are gone
// from every page, timeouts and bans refuse chat, reactions and tokens, the rules refuse
// what they should, and reports reach the seller.
import type { ChatMessage } from "@/lib/contract/messages.ts";
import type { StudioModeration } from "@/lib/contract/views.ts";
import { addViewer } from "@/lib/audience/viewers.ts";
import { keys } from "@/lib/kv/keys.ts";
import { sellerIdentity } from "@/lib/livekit/names.ts";
import { VIEWER_TOKEN_OPENS_MS } from "@/lib/livekit/tokens.ts";
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import {
  Client,
  createStream,
  expectError,
  kvSnapshot,
  say,
  sellerWithStream,
  signUp,
  type TestApp,
  viewer,
  withApp,
} from "./client.ts";

async function history(streamId: string, app: TestApp): Promise<string[]> {
  const res = await new Client(app).request(`/api/streams/${streamId}/chat`);
  return ((await res.json()).messages as ChatMessage[]).map((m) => m.text);
}

async function overview(seller: Client, streamId: string): Promise<StudioModeration> {
  const res = await seller.request(`/api/streams/${streamId}/moderation`);
  assertEquals(res.status, 200);
  return await res.json();
}

function send(client: Client, method: string, path: string, body?: unknown): Promise<Response> {
  return client.request(path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A shop (its seller and a stream), a moderator it named, a viewer who chatted, and a seller who is no moderator. */
async function shop(app: TestApp) {
  const { seller, sellerId, streamId } = await sellerWithStream(app);
  const mod = new Client(app);
  const modId = await signUp(mod, "mod@example.com", "Mo");
  const res = await seller.post(`/api/shops/${sellerId}/moderators`, { email: "MOD@example.com " });
  assertEquals(res.status, 201, await res.clone().text());
  const rival = new Client(app);
  const rivalId = await signUp(rival, "rival@example.com", "Rival Goods");
  const ann = await viewer(app, streamId);
  const said = await say(ann, streamId, "buy my stuff");
  return { seller, sellerId, streamId, mod, modId, rival, rivalId, ann, said };
}

Deno.test("a moderator opening the shop's studio is told it is the seller's, and led to the watch page", () =>
  withApp(async (app) => {
    const { streamId, mod, rival } = await shop(app);
    const studio = await mod.request(`/studio/${streamId}`);
    assertEquals(studio.status, 403);
    const html = await studio.text();
    assertMatch(
      html,
      /<p>This is the seller's studio\. As a moderator of this shop you moderate from the stream's watch page\.<\/p>/,
    );
    assertMatch(html, new RegExp(`<a href="/watch/${streamId}">Moderate from the watch page</a>`));
    // Another seller: plainly refused, no watch page offered as a way to moderate.
    const other = await rival.request(`/studio/${streamId}`);
    assertEquals(other.status, 403);
    const refused = await other.text();
    assertMatch(refused, /<p>Only the seller who created this stream can open its studio\.<\/p>/);
    assert(!refused.includes("Moderate from"), "no moderation offered to a stranger");
  }));

Deno.test("every moderation route refuses viewers, other sellers and strangers with 403, changing nothing", () =>
  withApp(async (app) => {
    const { sellerId, streamId, rival, ann, said, seller, mod } = await shop(app);
    const banned = await viewer(app, streamId);
    const troll = await say(banned, streamId, "troll");
    assertEquals((await seller.post(`/api/streams/${streamId}/bans`, { messageId: troll.id })).status, 201);
    const bannedPerson = (await overview(seller, streamId)).bans[0]!.person;
    await seller.post(`/api/streams/${streamId}/chat/${said.id}/report`);
    const stream = `/api/streams/${streamId}`;
    const shopPath = `/api/shops/${sellerId}`;
    const routes: [string, string, unknown?][] = [
      ["DELETE", `${stream}/chat/${said.id}`],
      ["POST", `${stream}/timeouts`, { messageId: said.id, minutes: 5 }],
      ["POST", `${stream}/bans`, { messageId: said.id }],
      ["PUT", `${stream}/announcement`, { text: "Free shipping" }],
      ["DELETE", `${stream}/announcement`],
      ["DELETE", `${stream}/reports/${said.id}`],
      ["GET", `${stream}/moderation`],
      ["GET", `${shopPath}/rules`],
      ["PUT", `${shopPath}/rules`, {
        slowModeSeconds: 0,
        linksAllowed: true,
        blockedWords: [],
        viewerCap: 0,
      }],
      ["GET", `${shopPath}/moderators`],
      ["POST", `${shopPath}/moderators`, { email: "rival@example.com" }],
      ["DELETE", `${shopPath}/moderators/${sellerId}`],
      ["DELETE", `${shopPath}/bans/${bannedPerson}`],
      ["DELETE", `${shopPath}/timeouts/${ann.guest()}`],
    ];
    await app.forgetSent();
    const before = await kvSnapshot(app.services.kv);
    for (const who of [ann, rival, new Client(app)]) {
      for (const [method, path, body] of routes) {
        const res = await send(who, method, path, body);
        const body403 = await res.json();
        assertEquals(res.status, 403, `${method} ${path}: ${JSON.stringify(body403)}`);
        assertMatch(body403.error.code, /^not_(moderator|shop_owner)$/);
      }
    }
    // A moderator moderates chat; the rules, the moderators and the log stay the seller's.
    for (
      const [method, path, body] of routes.filter(([, path]) => /moderation|rules|moderators/.test(path))
    ) {
      await expectError(await send(mod, method, path, body), 403, "not_shop_owner");
    }
    assertEquals(await kvSnapshot(app.services.kv), before);
    await app.settle();
    assertEquals(app.rooms.sent, [], "nothing announced");
  }));

Deno.test("bad moderation input is a 4xx and changes nothing", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, mod, said } = await shop(app);
    const stream = `/api/streams/${streamId}`;
    const shopPath = `/api/shops/${sellerId}`;
    const rules = { slowModeSeconds: 10, linksAllowed: false, blockedWords: ["scam"], viewerCap: 0 };
    const cases: [string, string, unknown, number, string][] = [
      ["POST", `${stream}/timeouts`, { messageId: said.id, minutes: 2 }, 400, "invalid_input"],
      ["POST", `${stream}/timeouts`, { messageId: said.id }, 400, "invalid_input"],
      ["POST", `${stream}/timeouts`, { messageId: "nope", minutes: 1 }, 404, "message_not_found"],
      ["POST", `${stream}/timeouts`, { messageId: "<b>", minutes: 1 }, 400, "invalid_input"],
      ["POST", `${stream}/bans`, { messageId: said.id, name: "x" }, 400, "invalid_input"],
      ["POST", `${stream}/bans`, { messageId: "nope" }, 404, "message_not_found"],
      ["DELETE", `${stream}/chat/nope`, undefined, 404, "message_not_found"],
      ["DELETE", `${stream}/chat/${said.id}`, { force: true }, 400, "invalid_input"],
      ["DELETE", `${stream}/reports/${said.id}`, undefined, 404, "report_not_found"],
      ["PUT", `${stream}/announcement`, { text: "" }, 400, "invalid_input"],
      ["PUT", `${stream}/announcement`, { text: "x".repeat(201) }, 400, "invalid_input"],
      ["PUT", `${stream}/announcement`, { text: "two\nlines" }, 400, "invalid_input"],
      ["PUT", `${shopPath}/rules`, { ...rules, slowModeSeconds: 7 }, 400, "invalid_input"],
      ["PUT", `${shopPath}/rules`, { ...rules, viewerCap: -1 }, 400, "invalid_input"],
      ["PUT", `${shopPath}/rules`, { ...rules, viewerCap: 1.5 }, 400, "invalid_input"],
      ["PUT", `${shopPath}/rules`, { ...rules, blockedWords: ["x".repeat(41)] }, 400, "invalid_input"],
      ["PUT", `${shopPath}/rules`, { ...rules, blockedWords: Array(201).fill("w") }, 400, "invalid_input"],
      ["PUT", `${shopPath}/rules`, { ...rules, blockedWords: ["spam", "´"] }, 400, "invalid_input"],
      [
        "PUT",
        `${shopPath}/rules`,
        { ...rules, blockedWords: Array(51).fill("w".repeat(40)) },
        400,
        "invalid_input",
      ],
      // 520 characters as typed, 2,080 as matched: "⑽" is "(10)".
      [
        "PUT",
        `${shopPath}/rules`,
        { ...rules, blockedWords: Array.from({ length: 16 }, (_, i) => "⑽".repeat(40 - i)) },
        400,
        "invalid_input",
      ],
      ["PUT", `${shopPath}/rules`, { ...rules, linksAllowed: "yes" }, 400, "invalid_input"],
      ["PUT", `${shopPath}/rules`, { slowModeSeconds: 0 }, 400, "invalid_input"],
      ["POST", `${shopPath}/moderators`, { email: "not an email" }, 400, "invalid_input"],
      ["POST", `${shopPath}/moderators`, { email: "nobody@example.com" }, 404, "seller_not_found"],
      ["POST", `${shopPath}/moderators`, { email: "seller@example.com" }, 400, "own_shop"],
      ["DELETE", `${shopPath}/moderators/nobody1`, undefined, 404, "moderator_not_found"],
      ["DELETE", `${shopPath}/bans/guest-nobody`, undefined, 404, "ban_not_found"],
    ];
    const before = await kvSnapshot(app.services.kv);
    for (const [method, path, body, status, code] of cases) {
      await expectError(await send(seller, method, path, body), status, code);
    }
    // A choice out of a few says which are allowed.
    for (
      const [path, body, words] of [
        [`${stream}/timeouts`, { messageId: said.id, minutes: 2 }, "minutes: Minutes must be 1, 5 or 10"],
        [
          `${shopPath}/rules`,
          { ...rules, slowModeSeconds: 7 },
          "Slow mode seconds must be 0, 5, 10, 30 or 60",
        ],
        [`${shopPath}/rules`, { ...rules, slowModeSeconds: undefined }, "Slow mode seconds is required"],
        [
          `${shopPath}/rules`,
          { ...rules, viewerCap: -1 },
          "Viewer cap must be a whole number from 0 \\(no cap\\)",
        ],
        [`${shopPath}/rules`, { ...rules, viewerCap: 1.5 }, "Viewer cap must be a whole number"],
      ] as const
    ) {
      const method = path.endsWith("rules") ? "PUT" : "POST";
      assertMatch(
        await expectError(await send(seller, method, path, body), 400, "invalid_input"),
        new RegExp(words),
      );
    }
    // Nobody times out or bans the host or a moderator.
    const fromMod = await say(mod, streamId, "I keep order here");
    const fromHost = await say(seller, streamId, "Welcome!");
    const after = await kvSnapshot(app.services.kv);
    for (const target of [fromMod, fromHost]) {
      await expectError(await seller.post(`${stream}/bans`, { messageId: target.id }), 409, "protected");
      await expectError(
        await mod.post(`${stream}/timeouts`, { messageId: target.id, minutes: 1 }),
        409,
        "protected",
      );
    }
    assertEquals(await kvSnapshot(app.services.kv), after);
    assert(before !== after);
  }));

Deno.test("naming moderators by email, which tells whether an account uses it, is limited to ten an hour", () =>
  withApp(async (app) => {
    const { seller, sellerId } = await shop(app);
    const name = (email: string) => seller.post(`/api/shops/${sellerId}/moderators`, { email });
    for (let i = 1; i < 10; i++) {
      await expectError(await name(`who${i}@example.com`), 404, "seller_not_found");
    }
    const refused = await name("rival@example.com");
    assertMatch(await expectError(refused, 429, "rate_limited"), /Too many moderators named/);
    assertEquals(
      (await (await seller.request(`/api/shops/${sellerId}/moderators`)).json()).moderators.length,
      1,
    );
    app.clock.advance(60 * 60_000);
    assertEquals((await name("rival@example.com")).status, 201, "an hour later");
  }));

Deno.test("a deleted message is gone from history, paging and the page, announced once, and kept in the log", () =>
  withApp(async (app) => {
    const { seller, streamId, ann, said } = await shop(app);
    const kept = await say(ann, streamId, "is the blue one in stock?");
    await ann.post(`/api/streams/${streamId}/chat/${said.id}/report`);
    await app.forgetSent();
    assertEquals(
      (await seller.request(`/api/streams/${streamId}/chat/${said.id}`, { method: "DELETE" })).status,
      204,
    );
    assertEquals(await history(streamId, app), ["is the blue one in stock?"]);
    const before = await new Client(app).request(`/api/streams/${streamId}/chat?before=${kept.id}`);
    assertEquals((await before.json()).messages, []);
    const page = await (await new Client(app).request(`/watch/${streamId}`)).text();
    assert(!page.includes("buy my stuff"), "not in the server-rendered page");
    await app.settle();
    assertEquals(app.rooms.sent.map((s) => [s.topic, s.message]), [["removed", {
      v: 1,
      type: "removed",
      ids: [said.id],
    }]]);
    const { log, reports } = await overview(seller, streamId);
    assertEquals(reports, [], "its report went with it");
    assertEquals([log[0]?.action, log[0]?.by, log[0]?.target, log[0]?.detail], [
      "delete",
      "Linen & Co",
      said.name,
      "buy my stuff",
    ]);
    await expectError(
      await seller.request(`/api/streams/${streamId}/chat/${said.id}`, { method: "DELETE" }),
      404,
      "message_not_found",
    );
  }));

Deno.test("a moderator deletes viewers' messages and their own, never the host's or another moderator's", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, mod, said } = await shop(app);
    const other = new Client(app);
    await signUp(other, "other@example.com", "Otto");
    assertEquals(
      (await seller.post(`/api/shops/${sellerId}/moderators`, { email: "other@example.com" })).status,
      201,
    );
    const welcome = await say(seller, streamId, "Welcome!");
    const order = await say(other, streamId, "Be nice");
    const remove = (who: Client, id: string) =>
      who.request(`/api/streams/${streamId}/chat/${id}`, { method: "DELETE" });
    const before = await kvSnapshot(app.services.kv);
    for (const message of [welcome, order]) {
      assertMatch(
        await expectError(await remove(mod, message.id), 403, "not_host"),
        /Only the seller can delete/,
      );
    }
    assertEquals(await kvSnapshot(app.services.kv), before, "nothing changes");
    const own = await say(mod, streamId, "typo");
    for (const id of [own.id, said.id]) assertEquals((await remove(mod, id)).status, 204);
    // The host deletes anyone's.
    assertEquals((await remove(seller, order.id)).status, 204);
    assertEquals(await history(streamId, app), ["Welcome!"]);
  }));

Deno.test("a moderator moderates every stream of the shop, speaks as a moderator, and stops when removed", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, mod, modId, said } = await shop(app);
    const other = await createStream(seller, "Autumn drop");
    const bo = await viewer(app, other);
    const rude = await say(bo, other, "rude words");
    assertEquals((await say(mod, other, "Be nice")).role, "moderator");
    assertEquals((await say(seller, other, "Hello")).role, "seller");
    assertEquals(
      (await mod.request(`/api/streams/${other}/chat/${rude.id}`, { method: "DELETE" })).status,
      204,
    );
    const asMod = await (await mod.request(`/watch/${streamId}`)).text();
    // Each button names the line it acts on, not only its author.
    assert(
      asMod.includes(`aria-label="Delete message from ${said.name}: “${said.text}”"`),
      "the moderator's controls",
    );
    assert(asMod.includes("Pin announcement"));
    const asViewer = await (await bo.request(`/watch/${streamId}`)).text();
    assert(!asViewer.includes(`aria-label="Delete `) && !asViewer.includes("Pin announcement"));
    assert(
      asViewer.includes(`aria-label="Report message from ${said.name}: “${said.text}”"`),
      "viewers report",
    );
    const { moderators } = await (await seller.request(`/api/shops/${sellerId}/moderators`)).json();
    assertEquals(moderators.map((m: { sellerId: string; name: string }) => [m.sellerId, m.name]), [[
      modId,
      "Mo",
    ]]);

    assertEquals(
      (await seller.request(`/api/shops/${sellerId}/moderators/${modId}`, { method: "DELETE" })).status,
      204,
    );
    const again = await say(bo, other, "rude again");
    assertEquals((await say(mod, other, "still here")).role, "viewer");
    await expectError(
      await mod.request(`/api/streams/${other}/chat/${again.id}`, { method: "DELETE" }),
      403,
      "not_moderator",
    );
    const log = (await overview(seller, other)).log.map((e) => e.action);
    assertEquals(log.slice(0, 3), ["moderator_removed", "delete", "moderator_added"]);
  }));

Deno.test("a timeout refuses the viewer's chat and reactions until it ends, with the time as `until`", () =>
  withApp(async (app) => {
    const { mod, streamId, ann, said } = await shop(app);
    const res = await mod.post(`/api/streams/${streamId}/timeouts`, { messageId: said.id, minutes: 5 });
    assertEquals(res.status, 201);
    const { until } = await res.json();
    assertEquals(Date.parse(until), app.clock.now() + 5 * 60_000);
    const before = await kvSnapshot(app.services.kv);
    const refused = await ann.post(`/api/streams/${streamId}/chat`, { text: "let me talk" });
    const body = await refused.json();
    assertEquals([refused.status, body.error.code, body.error.until], [403, "timed_out", until]);
    assert(
      !/\d\d:\d\d/.test(body.error.message),
      "the server writes no clock time: the browser shows it in its zone",
    );
    await expectError(
      await ann.post(`/api/streams/${streamId}/reactions`, { emoji: "🔥" }),
      403,
      "timed_out",
    );
    assertEquals(await kvSnapshot(app.services.kv), before);
    // A new guest cookie in the same browser session is still timed out.
    ann.clearCookie("sf_guest");
    await ann.watch(streamId);
    await expectError(await ann.post(`/api/streams/${streamId}/chat`, { text: "new me" }), 403, "timed_out");
    assertEquals(
      (await ann.post(`/api/streams/${streamId}/token`, {})).status,
      200,
      "a timeout still watches",
    );

    app.clock.advance(5 * 60_000 + 1);
    await say(ann, streamId, "I'm back");
    assertEquals((await ann.post(`/api/streams/${streamId}/reactions`, { emoji: "🔥" })).status, 202);
  }));

Deno.test("a seller named a moderator, or no longer, while they watch the live stream hears it alone", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, mod, modId } = await shop(app);
    assertEquals((await seller.post(`/api/streams/${streamId}/live`)).status, 200);
    const connection = (identity: string) => ({ identity, name: "Someone", sid: `PA_${identity}` });
    app.rooms.present.set(streamId, [`seller-${modId}~vaaa`, "guest-bo~vccc"].map(connection));
    const told = async () => {
      await app.settle();
      return app.rooms.sent.filter((s) => s.topic === "standing").map((s) => [s.to, s.message]);
    };
    await app.forgetSent();
    assertEquals((await send(seller, "DELETE", `/api/shops/${sellerId}/moderators/${modId}`)).status, 204);
    assertEquals(await told(), [[[`seller-${modId}~vaaa`], {
      v: 1,
      type: "standing",
      until: null,
      role: "viewer",
    }]]);
    await app.forgetSent();
    assertEquals(
      (await seller.post(`/api/shops/${sellerId}/moderators`, { email: "mod@example.com" })).status,
      201,
    );
    assertEquals(await told(), [[[`seller-${modId}~vaaa`], {
      v: 1,
      type: "standing",
      until: null,
      role: "moderator",
    }]]);
    await app.forgetSent();
    assertEquals((await send(mod, "DELETE", `/api/shops/${sellerId}/moderators/${modId}`)).status, 204);
    assertEquals((await told()).length, 1, "stepping down is told too");
  }));

Deno.test("a timeout is told to its viewer alone and shown on their page; the studio lists it and lifts it early", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, mod, rival, ann, said } = await shop(app);
    assertEquals((await seller.post(`/api/streams/${streamId}/live`)).status, 200);
    const person = ann.guest();
    const connection = (identity: string) => ({ identity, name: "Someone", sid: `PA_${identity}` });
    app.rooms.present.set(streamId, [`${person}~vaaa`, `${person}~vbbb`, "guest-bo~vccc"].map(connection));
    await app.forgetSent();

    const { until } = await (await mod.post(`/api/streams/${streamId}/timeouts`, {
      messageId: said.id,
      minutes: 10,
    })).json();
    await app.settle();
    const told = app.rooms.sent.filter((s) => s.topic === "standing");
    assertEquals(told.map((s) => [s.to, (s.message as { until: string }).until]), [
      [[`${person}~vaaa`, `${person}~vbbb`], until],
    ]);
    const page = await (await ann.request(`/watch/${streamId}`)).text();
    assert(page.includes("A moderator timed you out. You can chat again at"), "their page says so");
    const other = await (await (await viewer(app, streamId)).request(`/watch/${streamId}`)).text();
    assert(!other.includes("timed you out"), "nobody else's does");
    const listed = (await overview(seller, streamId)).timeouts;
    assertEquals(listed, [{
      person,
      name: said.name,
      by: "Mo",
      at: new Date(app.clock.now()).toISOString(),
      until,
    }]);

    // Lifting it: only the shop's seller and moderators, only a running timeout, with no body.
    const lift = `/api/shops/${sellerId}/timeouts/${encodeURIComponent(person)}`;
    const before = await kvSnapshot(app.services.kv);
    await expectError(await send(ann, "DELETE", lift), 403, "not_moderator");
    await expectError(await send(rival, "DELETE", lift), 403, "not_moderator");
    await expectError(
      await send(seller, "DELETE", `/api/shops/${sellerId}/timeouts/guest-nobody`),
      404,
      "timeout_not_found",
    );
    await expectError(await send(seller, "DELETE", lift, { why: "no" }), 400, "invalid_input");
    assertEquals(await kvSnapshot(app.services.kv), before);
    await app.forgetSent();

    const res = await send(mod, "DELETE", lift);
    assertEquals(res.status, 200, await res.clone().text());
    assertEquals((await res.json()).timeout.until, until);
    await app.settle();
    assertEquals(
      app.rooms.sent.filter((s) => s.topic === "standing").map((
        s,
      ) => [s.to, (s.message as { until: null }).until]),
      [[[`${person}~vaaa`, `${person}~vbbb`], null]],
    );
    await say(ann, streamId, "thanks");
    ann.clearCookie("sf_guest");
    await ann.watch(streamId);
    await say(ann, streamId, "a new guest in the same browser is free too");
    assertEquals((await overview(seller, streamId)).timeouts, []);
    assertEquals((await overview(seller, streamId)).log[0]!.action, "untimeout");
    await expectError(await send(mod, "DELETE", lift), 404, "timeout_not_found");

    // One that has run out is not lifted, nor logged, though KV may keep it a little longer.
    const spam = await say(ann, streamId, "spam");
    assertEquals(
      (await mod.post(`/api/streams/${streamId}/timeouts`, { messageId: spam.id, minutes: 1 })).status,
      201,
    );
    app.clock.advance(60_001);
    await expectError(
      await send(mod, "DELETE", `/api/shops/${sellerId}/timeouts/${ann.guest()}`),
      404,
      "timeout_not_found",
    );
    assertEquals((await overview(seller, streamId)).log[0]!.action, "timeout");

    // One stored before timeouts could be lifted (its end alone) still holds until it ends.
    const end = new Date(app.clock.now() + 60_000).toISOString();
    await app.services.kv.set(keys.timeout(sellerId, ann.guest()), end);
    await expectError(await ann.post(`/api/streams/${streamId}/chat`, { text: "hi" }), 403, "timed_out");
    app.clock.advance(60_001);
    await say(ann, streamId, "free again");
  }));

Deno.test("a ban hides the viewer's messages, removes them from the room, and refuses them, a new guest in their browser too", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, ann, said } = await shop(app);
    await say(ann, streamId, "second troll line");
    const bo = await viewer(app, streamId);
    const hello = await say(bo, streamId, "hello all");
    const person = ann.guest();
    const connection = (identity: string) => ({ identity, name: "Someone", sid: `PA_${identity}` });
    app.rooms.present.set(streamId, [`${person}~vaaa`, `${person}~vbbb`, "guest-bo~vccc"].map(connection));
    await app.forgetSent();

    const res = await seller.post(`/api/streams/${streamId}/bans`, { messageId: said.id });
    assertEquals(res.status, 201);
    assertEquals((await res.json()).ban.person, person);
    assertEquals(app.rooms.removed, [{ streamId, identities: [`${person}~vaaa`, `${person}~vbbb`] }]);
    assertEquals(await history(streamId, app), ["hello all"]);
    await app.settle();
    const removed = app.rooms.sent.find((s) => s.topic === "removed")?.message as { ids: string[] };
    assertEquals(removed.ids.length, 2);

    await expectError(await ann.post(`/api/streams/${streamId}/token`, {}), 403, "banned");
    await expectError(await ann.post(`/api/streams/${streamId}/chat`, { text: "hi" }), 403, "banned");
    await expectError(await ann.post(`/api/streams/${streamId}/reactions`, { emoji: "🔥" }), 403, "banned");
    // Nor anything else a viewer does: like, report, buy, count as opening a product.
    const product = { name: "Cap", priceMinor: 1000, currency: "EUR", stock: 5 };
    const productId = (await (await seller.post("/api/products", product)).json()).product.id;
    const before = await kvSnapshot(app.services.kv);
    for (
      const [path, body] of [
        ["like", undefined],
        [`chat/${hello.id}/report`, undefined],
        ["cart/items", { productId, quantity: 1 }],
        ["reservations", undefined],
        [`products/${productId}/opened`, undefined],
      ] as const
    ) {
      await expectError(await ann.post(`/api/streams/${streamId}/${path}`, body), 403, "banned");
    }
    assertEquals(await kvSnapshot(app.services.kv), before);
    ann.clearCookie("sf_guest");
    await ann.watch(streamId);
    assert(ann.cookie("sf_guest"), "a new guest");
    await expectError(await ann.post(`/api/streams/${streamId}/token`, {}), 403, "banned");
    await expectError(await ann.post(`/api/streams/${streamId}/chat`, { text: "hi" }), 403, "banned");
    const page = await (await ann.request(`/watch/${streamId}`)).text();
    assert(page.includes("banned from this shop"), "the watch page says so");
    for (
      const offer of [
        "Chat message",
        "Chat is closed",
        "Your name in chat",
        "like-button",
        'aria-label="React"',
      ]
    ) {
      assert(!page.includes(offer), `and offers nothing to do: ${offer}`);
    }
    const otherStream = await createStream(seller, "Another");
    await expectError(await ann.post(`/api/streams/${otherStream}/token`, {}), 403, "banned");
    assertEquals((await bo.post(`/api/streams/${streamId}/token`, {})).status, 200);

    const { bans } = await overview(seller, streamId);
    assertEquals(bans.map((b) => [b.person, b.name, b.by]), [[person, said.name, "Linen & Co"]]);
    const lifted = await seller.request(`/api/shops/${sellerId}/bans/${person}`, { method: "DELETE" });
    assertEquals(lifted.status, 200);
    assertEquals(
      (await ann.post(`/api/streams/${streamId}/token`, {})).status,
      200,
      "the browser is free again",
    );
    assertEquals((await overview(seller, streamId)).log.slice(0, 2).map((e) => e.action), ["unban", "ban"]);
  }));

Deno.test("a banned seller is not named a moderator until the ban is lifted", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, rival } = await shop(app);
    const line = await say(rival, streamId, "buy from Rival Goods instead");
    assertEquals((await seller.post(`/api/streams/${streamId}/bans`, { messageId: line.id })).status, 201);
    const before = await kvSnapshot(app.services.kv);
    const name = () => seller.post(`/api/shops/${sellerId}/moderators`, { email: "rival@example.com" });
    assertMatch(
      await expectError(await name(), 409, "banned"),
      /^Rival Goods is banned from your shop: lift the ban/,
    );
    assertEquals(await kvSnapshot(app.services.kv), before);
    const person = (await overview(seller, streamId)).bans[0]!.person;
    const lifted = await seller.request(`/api/shops/${sellerId}/bans/${person}`, { method: "DELETE" });
    assertEquals(lifted.status, 200);
    assertEquals((await name()).status, 201);
  }));

Deno.test("a ban or a timeout and a naming as moderator of the same seller at once: one wins, never both", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, rival, rivalId } = await shop(app);
    const name = () => seller.post(`/api/shops/${sellerId}/moderators`, { email: "rival@example.com" });
    const sanction = (kind: "bans" | "timeouts") => async () => {
      const line = await say(rival, streamId, `buy from Rival Goods ${crypto.randomUUID()}`);
      const body = kind === "bans" ? { messageId: line.id } : { messageId: line.id, minutes: 5 };
      return () => seller.post(`/api/streams/${streamId}/${kind}`, body);
    };
    const undo = async (kind: "bans" | "timeouts") => {
      const { person } = (await overview(seller, streamId))[kind][0]!;
      await seller.request(`/api/shops/${sellerId}/${kind}/${person}`, { method: "DELETE" });
    };
    const unname = () => seller.request(`/api/shops/${sellerId}/moderators/${rivalId}`, { method: "DELETE" });
    // Each lands between the other's read of the key and its commit.
    const { kv } = app.services;
    const [get, getMany] = [kv.get.bind(kv), kv.getMany.bind(kv)];
    const between = (key: Deno.KvKey, other: () => Promise<Response>) => {
      let armed = true;
      let answer: Response | undefined;
      const after = async <T>(asked: Deno.KvKey[], read: T) => {
        if (armed && asked.some((k) => k.join() === key.join())) {
          armed = false;
          answer = await other();
        }
        return read;
      };
      kv.get = (async (asked: Deno.KvKey) => after([asked], await get(asked))) as typeof kv.get;
      kv.getMany = (async (asked: Deno.KvKey[]) => after(asked, await getMany(asked))) as typeof kv.getMany;
      return () => (kv.get = get, kv.getMany = getMany, answer!);
    };

    for (const [kind, key] of [["bans", keys.ban], ["timeouts", keys.timeout]] as const) {
      const now = await sanction(kind)();
      let done = between(key(sellerId, sellerIdentity(rivalId)), now);
      assertEquals((await name()).status, 409, `named as ${kind} made meanwhile`);
      assertEquals(done().status, 201, `the ${kind} made meanwhile stands`);
      assertEquals((await overview(seller, streamId)).moderators.map((m) => m.name), ["Mo"]);
      await undo(kind);

      const later = await sanction(kind)();
      done = between(keys.moderator(sellerId, rivalId), name);
      await expectError(await later(), 409, "protected");
      assertEquals(done().status, 201, "the naming made meanwhile stands");
      assertEquals((await overview(seller, streamId))[kind], []);
      assertEquals((await unname()).status, 204);
    }
  }));

Deno.test("a timed-out seller is not named a moderator until the timeout is lifted", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, rival } = await shop(app);
    const line = await say(rival, streamId, "buy from Rival Goods instead");
    await seller.post(`/api/streams/${streamId}/timeouts`, { messageId: line.id, minutes: 5 });
    const before = await kvSnapshot(app.services.kv);
    const name = () => seller.post(`/api/shops/${sellerId}/moderators`, { email: "rival@example.com" });
    assertMatch(
      await expectError(await name(), 409, "timed_out"),
      /^Rival Goods is timed out in your chat: lift the timeout first/,
    );
    assertEquals(await kvSnapshot(app.services.kv), before);
    app.clock.advance(5 * 60_000 + 1);
    assertEquals((await name()).status, 201, "once it is over");
  }));

Deno.test("slow mode spaces a viewer's messages; the host and moderators are exempt", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, mod, ann } = await shop(app);
    const rules = { slowModeSeconds: 10, linksAllowed: false, blockedWords: [], viewerCap: 0 };
    assertEquals((await send(seller, "PUT", `/api/shops/${sellerId}/rules`, rules)).status, 200);
    await say(ann, streamId, "first");
    const before = await kvSnapshot(app.services.kv);
    const res = await ann.post(`/api/streams/${streamId}/chat`, { text: "second" });
    assertEquals(res.headers.get("retry-after"), "10");
    assertMatch(await expectError(res, 429, "slow_mode"), /one message every 10 seconds/);
    assertEquals(await kvSnapshot(app.services.kv), before);
    for (const staff of [seller, mod, seller, mod]) await say(staff, streamId, "no wait for us");
    app.clock.advance(10_000);
    await say(ann, streamId, "second, later");
  }));

/** A new guest browser, named `name`. */
async function guestNamed(app: TestApp, name: string): Promise<Client> {
  const guest = new Client(app);
  assertEquals((await guest.postForm("/guest", { name, returnTo: "/" })).status, 303);
  return guest;
}

/** A guest named `name` chatting is refused with 409 `code`, in words that match `words`, and nothing changes. */
async function refusedName(app: TestApp, streamId: string, name: string, code: string, words: RegExp) {
  const guest = await guestNamed(app, name);
  const before = await kvSnapshot(app.services.kv);
  const res = await guest.post(`/api/streams/${streamId}/chat`, { text: "pay me here, DM me" });
  assertMatch(await expectError(res, 409, code), words);
  assertEquals(await kvSnapshot(app.services.kv), before, name);
}

Deno.test("a guest may not chat under the host's name, in any case, spacing, punctuation, Unicode form or look-alike letters", () =>
  withApp(async (app) => {
    const { streamId } = await shop(app);
    // Then: a Cyrillic і and о; a digit one for the l, without spaces; another sign, and a full
    // stop; blank "letters" (a Hangul filler, a halfwidth one) and a soft hyphen.
    for (
      const name of [
        "Linen & Co",
        "linen  &  CO",
        "Ｌｉｎｅｎ & Co",
        "Lіnen & Cо",
        "1inen&Co",
        "Linen + Co.",
        "Linen & Co\u3164",
        "Linen\uffa0& Co",
        "Li\u00adnen & Co",
        "ʟɪɴᴇɴ & ᴄᴏ",
        "Lineп & Co",
        "L1nen & Co",
      ]
    ) {
      await refusedName(app, streamId, name, "host_name", /Linen & Co is the host's name here/);
    }
    await say(await guestNamed(app, "Linen & Co fan"), streamId, "a name like it is fine");
    // A name may not claim the host's badge or a moderator's either: refused as it is given.
    for (
      const name of [
        "Linen & Co (Host)",
        "Ann | m0d",
        "Bob [ＭＯＤＥＲＡＴＯＲ]",
        "Ann 【Host】",
        "Moderator",
      ]
    ) {
      const named = await new Client(app).postForm("/guest", { name, returnTo: "/" });
      assertEquals(named.status, 400, name);
      assertMatch(await named.text(), /Display name must not say you are the host or a moderator/);
    }

    // Another seller's account under the host's name, or a moderator's, cannot chat here either.
    const namesakes = [
      ["Linen & Co", "host_name", /^Linen & Co is the host's name/],
      ["MO", "moderator_name", /^Mo is a moderator's name/],
    ] as const;
    for (const [name, code, words] of namesakes) {
      const namesake = new Client(app);
      await signUp(namesake, `${code}@example.com`, name);
      const before = await kvSnapshot(app.services.kv);
      const res = await namesake.post(`/api/streams/${streamId}/chat`, { text: "pay me here, DM me" });
      const message = await expectError(res, 409, code);
      assertMatch(message, words);
      assertMatch(message, /so you cannot chat in this shop/);
      assertEquals(await kvSnapshot(app.services.kv), before);
    }
  }));

Deno.test("a guest may not chat under any moderator's name, in any case or Unicode form, while they moderate", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, mod, modId } = await shop(app);
    const named = await seller.post(`/api/shops/${sellerId}/moderators`, { email: "rival@example.com" });
    assertEquals(named.status, 201);
    await app.forgetSent();
    const names = [
      ["Mo", "Mo"],
      ["mO", "Mo"],
      ["Ｍｏ", "Mo"],
      ["Mо", "Mo"], // a Cyrillic о
      ["Мо", "Mo"], // a Cyrillic М and о
      ["Mó", "Mo"],
      ["rival   GOODS", "Rival Goods"],
      ["RivalGoods", "Rival Goods"],
      ["Rival-Goods.", "Rival Goods"],
    ] as const;
    for (const [name, theirs] of names) {
      await refusedName(
        app,
        streamId,
        name,
        "moderator_name",
        new RegExp(`^${theirs} is a moderator's name here`),
      );
    }
    await app.settle();
    assertEquals(app.rooms.sent, [], "nothing announced");
    assertEquals((await say(mod, streamId, "I am Mo")).role, "moderator", "the moderator chats as themself");
    await say(await guestNamed(app, "Moe"), streamId, "a name like it is fine");

    const removed = await seller.request(`/api/shops/${sellerId}/moderators/${modId}`, { method: "DELETE" });
    assertEquals(removed.status, 204);
    await say(await guestNamed(app, "Mo"), streamId, "no longer a moderator's name");
  }));

Deno.test("links are off for viewers by default, blocked words are refused to the sender only", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, ann, mod } = await shop(app);
    await app.forgetSent();
    const before = await kvSnapshot(app.services.kv);
    await expectError(
      await ann.post(`/api/streams/${streamId}/chat`, { text: "see https://x.shop" }),
      400,
      "links_off",
    );
    // Then with the dots browsers read in a link's name, and a soft hyphen hiding one.
    for (const text of ["cheap.store!", "visit evil\u3002com", "visit evil\uff61com", "evil\u00ad.com"]) {
      app.clock.advance(5_000); // past the chat rate limit, which counts refused messages too
      await expectError(await ann.post(`/api/streams/${streamId}/chat`, { text }), 400, "links_off");
    }
    assertEquals(await kvSnapshot(app.services.kv), before);
    // A sentence run on after a full stop is no link, though "It" ends links too.
    for (const text of ["Nice.It looks great", "我要两个。Me too"]) {
      app.clock.advance(5_000);
      await say(ann, streamId, text);
    }
    // Nor a name that breaks them: it shows on every line.
    const linked = await guestNamed(app, "buy at evil.com");
    const unnamed = await kvSnapshot(app.services.kv);
    const refused = await linked.post(`/api/streams/${streamId}/chat`, { text: "hi" });
    assertMatch(await expectError(refused, 409, "name_not_allowed"), /Pick another name to chat/);
    assertEquals(await kvSnapshot(app.services.kv), unnamed);
    await say(seller, streamId, "our shop: linen.shop/sale");
    await say(mod, streamId, "rules at www.example.com");

    const rules = {
      slowModeSeconds: 0,
      linksAllowed: true,
      blockedWords: ["Scam", "fake news", "骗子"],
      viewerCap: 0,
    };
    const saved = await send(seller, "PUT", `/api/shops/${sellerId}/rules`, rules);
    assertEquals((await saved.json()).rules.blockedWords, ["scam", "fake news", "骗子"]);
    app.clock.advance(5_000); // past the chat rate limit, which counts refused messages too
    await say(ann, streamId, "see https://x.shop");
    await app.forgetSent();
    const stored = await kvSnapshot(app.services.kv);
    const message = await expectError(
      await ann.post(`/api/streams/${streamId}/chat`, { text: "what a SCAM" }),
      400,
      "blocked_word",
    );
    assertMatch(message, /"scam" is not allowed/);
    // Then spelled apart by a soft hyphen or a grapheme joiner, which show as nothing, by
    // dashes or by many spaces; and in a sentence of Chinese, which has no spaces.
    for (
      const text of ["Fake  News!", "sc\u00adam", "s\u034fcam", "s—c—a—m", "s    c    a    m", "你是骗子"]
    ) {
      app.clock.advance(5_000); // past the chat rate limit, which counts refused messages too
      await expectError(await ann.post(`/api/streams/${streamId}/chat`, { text }), 400, "blocked_word");
    }
    assertEquals(await kvSnapshot(app.services.kv), stored, "nothing stored");
    await app.settle();
    assertEquals(app.rooms.sent, [], "nothing sent to anyone");
    await say(ann, streamId, "scampi is nice");
    await app.settle();
    assertEquals(app.rooms.sent.map((s) => (s.message as { text?: string }).text), ["scampi is nice"]);
    const { rules: got } = await (await seller.request(`/api/shops/${sellerId}/rules`)).json();
    assertEquals(got, { ...rules, blockedWords: ["scam", "fake news", "骗子"] });
  }));

Deno.test("a guest's link after an ellipsis is refused in chat and as a name, in words that name it", () =>
  withApp(async (app) => {
    const { streamId, ann } = await shop(app);
    await app.forgetSent();
    const before = await kvSnapshot(app.services.kv);
    app.clock.advance(5_000); // past the chat rate limit
    const said = await ann.post(`/api/streams/${streamId}/chat`, { text: "omg...cheapbags.com" });
    assertMatch(
      await expectError(said, 400, "links_off"),
      /^Links are off in this chat: "cheapbags\.com" looks like one\. If it isn't, add a space after the dot\.$/,
    );
    assertEquals(await kvSnapshot(app.services.kv), before);
    const words =
      /^Your name breaks this chat's rules\. Links are off in this chat: "cheapbags\.com" looks like one\. If it isn't, add a space after the dot\. Pick/;
    await refusedName(app, streamId, "omg...cheapbags.com", "name_not_allowed", words);
    await app.settle();
    assertEquals(app.rooms.sent, [], "nothing shown to anyone");
  }));

Deno.test("reports count each person once, reach the seller only, and a moderator can dismiss them", () =>
  withApp(async (app) => {
    const { seller, streamId, mod, said } = await shop(app);
    await seller.post(`/api/streams/${streamId}/live`);
    await app.services.kv.set(keys.hostConnections(streamId), [{ identity: "seller-x~habc", sid: "PA_1" }]);
    const bo = await viewer(app, streamId);
    const cy = await viewer(app, streamId);
    await app.forgetSent();
    for (const who of [bo, bo, cy]) {
      assertEquals((await who.post(`/api/streams/${streamId}/chat/${said.id}/report`)).status, 204);
    }
    await expectError(await bo.post(`/api/streams/${streamId}/chat/nope/report`), 404, "message_not_found");
    await expectError(
      await new Client(app).post(`/api/streams/${streamId}/chat/${said.id}/report`),
      401,
      "name_required",
    );
    await app.settle();
    const told = app.rooms.sent.filter((s) => s.topic === "report");
    assertEquals(told.map((s) => [s.to, (s.message as { count: number }).count]), [
      [["seller-x~habc"], 1],
      [["seller-x~habc"], 2],
    ]);
    const { reports } = await overview(seller, streamId);
    assertEquals(reports.map((r) => [r.message.id, r.count]), [[said.id, 2]]);
    const page = await (await seller.request(`/studio/${streamId}`)).text();
    assert(page.includes("2 reports"), "the studio's moderation panel shows it");
    assertEquals((await send(mod, "DELETE", `/api/streams/${streamId}/reports/${said.id}`)).status, 204);
    assertEquals((await overview(seller, streamId)).reports, []);
    assertEquals(await history(streamId, app), ["buy my stuff"], "dismissing leaves the message");
  }));

Deno.test("nobody reports their own message, the host and moderators neither: 409 and nothing changes", () =>
  withApp(async (app) => {
    const { seller, streamId, mod, ann, said } = await shop(app);
    await seller.post(`/api/streams/${streamId}/live`);
    await app.services.kv.set(keys.hostConnections(streamId), [{ identity: "seller-x~habc", sid: "PA_1" }]);
    const welcome = await say(seller, streamId, "Welcome!");
    const order = await say(mod, streamId, "Be nice");
    const own: [Client, ChatMessage][] = [[ann, said], [seller, welcome], [mod, order]];
    await app.forgetSent();
    const before = await kvSnapshot(app.services.kv);
    for (const [who, message] of own) {
      assertMatch(
        await expectError(
          await who.post(`/api/streams/${streamId}/chat/${message.id}/report`),
          409,
          "own_message",
        ),
        /can't report your own message/,
      );
    }
    assertEquals(await kvSnapshot(app.services.kv), before, "no report stored");
    await app.settle();
    assertEquals(app.rooms.sent, [], "the studio hears of nothing");
    assertEquals((await overview(seller, streamId)).reports, []);

    // Someone else's message they may, and so may anyone else theirs.
    assertEquals((await ann.post(`/api/streams/${streamId}/chat/${welcome.id}/report`)).status, 204);
    assertEquals((await seller.post(`/api/streams/${streamId}/chat/${said.id}/report`)).status, 204);
    const { reports } = await overview(seller, streamId);
    assertEquals(
      reports.map((r) => [r.message.id, r.count]).sort(),
      [[said.id, 1], [welcome.id, 1]].sort(),
    );
  }));

Deno.test("a moderator can't dismiss reports of their own, another moderator's or the host's message: 403", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, mod, ann } = await shop(app);
    await seller.post(`/api/streams/${streamId}/live`);
    const other = new Client(app);
    await signUp(other, "other@example.com", "Ot");
    await seller.post(`/api/shops/${sellerId}/moderators`, { email: "other@example.com" });
    const reported = [
      await say(mod, streamId, "buy off-platform, DM me"),
      await say(other, streamId, "me too"),
      await say(seller, streamId, "Welcome!"),
    ];
    for (const m of reported) {
      assertEquals((await ann.post(`/api/streams/${streamId}/chat/${m.id}/report`)).status, 204);
    }
    const before = await kvSnapshot(app.services.kv);
    for (const m of reported) {
      assertMatch(
        await expectError(
          await send(mod, "DELETE", `/api/streams/${streamId}/reports/${m.id}`),
          403,
          "not_host",
        ),
        /^Only the seller can dismiss a report of the host's or a moderator's message$/,
      );
    }
    assertEquals(await kvSnapshot(app.services.kv), before, "every report still open, nothing logged");
    assertEquals((await overview(seller, streamId)).reports.length, 3);
    // The seller reads them, and may dismiss each.
    for (const m of reported) {
      assertEquals((await send(seller, "DELETE", `/api/streams/${streamId}/reports/${m.id}`)).status, 204);
    }
    assertEquals((await overview(seller, streamId)).reports, []);
  }));

Deno.test("a pinned note is in the page for late joiners, announced with its version, and unpinned", () =>
  withApp(async (app) => {
    const { seller, streamId, mod } = await shop(app);
    await app.forgetSent();
    const res = await send(mod, "PUT", `/api/streams/${streamId}/announcement`, {
      text: "Free shipping over 50 €",
    });
    const pinned = await res.json();
    assertEquals([pinned.note.text, pinned.note.by], ["Free shipping over 50 €", "Mo"]);
    await app.settle();
    assertEquals(app.rooms.sent.map((s) => s.message), [{ v: 1, type: "announcement", note: pinned.note }]);
    assertEquals(app.rooms.envelopes[0]?.version, pinned.version, "announced with the version it answered");
    const page = await (await new Client(app).request(`/watch/${streamId}`)).text();
    assert(page.includes("Free shipping over 50 €"));
    assertEquals(
      await (await new Client(app).request(`/api/streams/${streamId}/announcement`)).json(),
      pinned,
    );
    const unpinned = await (await send(seller, "DELETE", `/api/streams/${streamId}/announcement`)).json();
    assertEquals(unpinned.note, null);
    assert(unpinned.version > pinned.version, "a newer version, so it wins over a late pin message");
    assert(!(await (await new Client(app).request(`/watch/${streamId}`)).text()).includes("Free shipping"));
  }));

Deno.test("past the shop's viewer cap a newcomer gets no token and the page says the stream is full", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, mod, ann } = await shop(app);
    const rules = { slowModeSeconds: 0, linksAllowed: false, blockedWords: [], viewerCap: 2 };
    await send(seller, "PUT", `/api/shops/${sellerId}/rules`, rules);
    const inside = ann.guest();
    await addViewer(app.services.kv, streamId, { identity: inside, name: "Ann", sid: "PA_1" });
    await addViewer(app.services.kv, streamId, { identity: "guest-bo", name: "Bo", sid: "PA_2" });
    const late = await viewer(app, streamId);
    await expectError(await late.post(`/api/streams/${streamId}/token`, {}), 409, "stream_full");
    assert((await (await late.request(`/watch/${streamId}`)).text()).includes("This stream is full"));
    assertEquals(
      (await ann.post(`/api/streams/${streamId}/token`, {})).status,
      200,
      "one already inside reloads",
    );
    assertEquals((await mod.post(`/api/streams/${streamId}/token`, {})).status, 200, "moderators get in");
    assertEquals((await seller.post(`/api/streams/${streamId}/token`, {})).status, 200, "the host too");
  }));

Deno.test("one address takes a quarter of a capped stream's seats: a script fetching pages without cookies fills no more", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId } = await shop(app);
    const rules = { slowModeSeconds: 0, linksAllowed: false, blockedWords: [], viewerCap: 8 };
    await send(seller, "PUT", `/api/shops/${sellerId}/rules`, rules);
    const from = (address: string) => new Client(app, undefined, address);
    const ticketed = async (client: Client) =>
      /"token":"[\w.-]+"/.test(await (await client.request(`/watch/${streamId}`)).text());
    // Each request without cookies is a new guest: two seats at most from 10.9.9.9.
    const [first, second, third] = [from("10.9.9.9"), from("10.9.9.9"), from("10.9.9.9")];
    assertEquals([await ticketed(first), await ticketed(second), await ticketed(third)], [true, true, false]);
    await expectError(await third.post(`/api/streams/${streamId}/token`, {}), 409, "stream_full");
    assert(await ticketed(first), "one already seated reloads");
    assert(await ticketed(from("10.8.8.8")), "another address is let in");
    // A ticket no longer good to join with holds no seat; one watching keeps theirs.
    await addViewer(app.services.kv, streamId, { identity: first.guest(), name: "First", sid: "PA_f" });
    app.clock.advance(VIEWER_TOKEN_OPENS_MS);
    assert(await ticketed(third), "the second's unused seat is taken");
    assertEquals(await ticketed(from("10.9.9.9")), false, "the first watches on");
    assertEquals((await seller.post(`/api/streams/${streamId}/token`, {})).status, 200, "the host gets in");
  }));
