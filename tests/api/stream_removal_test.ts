// Deleting streams: the seller deletes one that is not live, and everything kept for it
// goes (chat, likes, carts, sales records, analytics, its replay's files); a draft never
// taken live goes by itself after DRAFT_DAYS; a removal cut short is finished by the sweep.
import { createProduct, getStock } from "@/lib/catalog/store.ts";
import { expireDue, refuseOpenHolds } from "@/lib/commerce/actions.ts";
import { hold } from "@/lib/commerce/holds.ts";
import { DomainError } from "@/lib/core/errors.ts";
import { addPart } from "@/lib/replays/actions.ts";
import { keys } from "@/lib/kv/keys.ts";
import { roomName, sellerIdentity } from "@/lib/livekit/names.ts";
import { removeStream, sweepStreams } from "@/lib/streams/removal.ts";
import { deleteStream, goLive, type Stream } from "@/lib/streams/store.ts";
import { assert, assertEquals, assertMatch, assertRejects } from "@/tests/assert.ts";
import { filesUnder } from "@/tests/fixtures/images.ts";
import {
  Client,
  createStream,
  expectError,
  keysNaming,
  kvSnapshot,
  say,
  sellerWithStream,
  signUp,
  type TestApp,
  viewer,
  withApp,
} from "./client.ts";
import { deliver } from "./livekit_events.ts";

const DAY_MS = 24 * 60 * 60_000;
const codeOf = (error: Error) => error instanceof DomainError ? error.code : error.message;
const shirt = { name: "Linen shirt", description: "", priceMinor: 4900, currency: "EUR", buyUrl: null };

const status = async (client: Client, path: string) => {
  const res = await client.request(path);
  await res.body?.cancel();
  return res.status;
};

/** A draft with a product of 5 in stock, and a buyer with `quantity` of it in their cart. */
async function buyerWithCart(app: TestApp, quantity: number) {
  const { seller, sellerId, streamId } = await sellerWithStream(app);
  const product = await createProduct(app.services.kv, sellerId, { ...shirt, stock: 5 }, app.clock.now());
  const buyer = await viewer(app, streamId);
  await buyer.post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity });
  return { seller, sellerId, streamId, product, buyer };
}

/** A stream that was live, with something of everything a stream keeps, now ended. */
async function busyStream(app: TestApp) {
  const { seller, sellerId, streamId } = await sellerWithStream(app);
  const product = await createProduct(app.services.kv, sellerId, { ...shirt, stock: 5 }, app.clock.now());
  await seller.post(`/api/streams/${streamId}/live`);
  const put = (path: string, body: unknown) => seller.send("PUT", `/api/streams/${streamId}/${path}`, body);
  assertEquals((await put("pins", { productIds: [product.id] })).status, 200);
  assertEquals((await put("highlight", { productId: product.id })).status, 200);
  assertEquals((await put("announcement", { text: "Free shipping" })).status, 200);
  const ann = await viewer(app, streamId);
  const bo = await viewer(app, streamId);
  await ann.postForm("/guest", { name: "Ann" });
  await deliver(ann, "participant_joined", roomName(streamId), {
    identity: `${ann.guest()}~vaaa`,
    name: "Ann",
    sid: "PA_ann",
  });
  const line = await say(ann, streamId, "Does it come in blue?");
  assert((await bo.post(`/api/streams/${streamId}/chat/${line.id}/report`)).ok);
  assertEquals((await ann.post(`/api/streams/${streamId}/like`)).status, 200);
  assertEquals((await ann.post(`/api/streams/${streamId}/reactions`, { emoji: "🔥" })).status, 202);
  // Its tally leaves KV a moment later, on a timer: waited for, so no snapshot below sees it go.
  while (!app.rooms.sent.some((s) => s.topic === "reactions")) await new Promise((r) => setTimeout(r, 20));
  await ann.post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity: 2 });
  const held = await (await ann.post(`/api/streams/${streamId}/reservations`)).json();
  assertEquals(held.reservation.status, "held");
  await bo.post(`/api/streams/${streamId}/cart/items`, { productId: product.id, quantity: 1 });
  const take =
    (await (await seller.post(`/api/streams/${streamId}/replay`, { type: "video/webm" })).json()).take;
  const part = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4]);
  const sent = await seller.request(`/api/streams/${streamId}/replay/${take.id}/0`, {
    method: "PUT",
    body: part,
  });
  assertEquals(sent.status, 200);
  await app.settle();
  assertEquals((await seller.post(`/api/streams/${streamId}/end`)).status, 200);
  return {
    seller,
    sellerId,
    streamId,
    product,
    ann,
    held: held.reservation.id as string,
    takeId: take.id as string,
  };
}

Deno.test("a seller deletes a stream that is not live: it and all kept for it go, and only theirs, only then", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, product, held, takeId } = await busyStream(app);
    const rival = new Client(app);
    await signUp(rival, "rival@example.com", "Rival");
    const rivalStream = await createStream(rival);
    const keptElsewhere = await keysNaming(app, rivalStream);
    const del = (who: Client, id = streamId) => who.request(`/api/streams/${id}`, { method: "DELETE" });

    // Refusals change nothing: a stranger, another seller, a stream with a hold still open, one that is missing.
    const before = await kvSnapshot(app.services.kv);
    await expectError(await del(new Client(app)), 401, "sign_in_required");
    await expectError(await del(rival), 403, "not_stream_owner");
    assertMatch(
      await expectError(await del(seller), 409, "holds_open"),
      /^1 hold is still open in “[^”]+”: mark it paid or release it first/,
    );
    await expectError(await del(seller, "no-such-stream"), 404, "stream_not_found");
    assertEquals(await kvSnapshot(app.services.kv), before);
    assertEquals((await filesUnder(app.services.config.dataDir)).length, 1, "the replay's file is kept");

    // Once the hold is paid (a sale the seller keeps no record of once the stream goes), it deletes.
    assertEquals((await seller.post(`/api/streams/${streamId}/reservations/${held}/paid`)).status, 200);
    const res = await del(seller);
    assertEquals(res.status, 204);
    assertEquals(await keysNaming(app, streamId), [], "nothing stored names it");
    assertEquals(await filesUnder(app.services.config.dataDir), [], "its replay's file is gone");
    assertEquals(await getStock(app.services.kv, product.id), 3, "the catalog keeps what was sold");
    assertEquals(
      (await app.services.kv.get(keys.replayUsage(sellerId))).value,
      0,
      "its bytes are given back",
    );
    for (const path of [`/api/streams/${streamId}`, `/watch/${streamId}`, `/studio/${streamId}`]) {
      assertEquals(await status(seller, path), 404, path);
    }
    assertEquals(await status(seller, `/replays/${streamId}/${takeId}`), 404);
    assert(!(await (await seller.request("/studio")).text()).includes(streamId), "off the seller's list");
    await expectError(await del(seller), 404, "stream_not_found");
    assertEquals(await keysNaming(app, rivalStream), keptElsewhere, "another seller's stream is untouched");
  }));

Deno.test("a delete refused for open holds says where to settle them, and offers to try again", () =>
  withApp(async (app) => {
    const { seller, streamId, held } = await busyStream(app);
    const refused = await seller.postForm(`/studio/${streamId}`, { delete: "stream" });
    assertEquals(refused.status, 303);
    const studio = await (await seller.request(`/studio/${streamId}`)).text();
    assertMatch(studio, /role="alert"[^>]*>1 hold is still open in/);
    assertMatch(
      studio,
      /In <a href="#sales">Sales<\/a>, mark each open hold paid or release it; then try again\./,
    );
    assertMatch(studio, /<section id="sales"[^>]*aria-label="Sales"/, "the link leads to the sales list");
    assertMatch(studio, /class="danger">Try again<\/button>/);
    assert(!studio.includes("Yes, delete it"), "not the same doomed button");

    assertEquals((await seller.post(`/api/streams/${streamId}/reservations/${held}/paid`)).status, 200);
    const done = await seller.postForm(`/studio/${streamId}`, { delete: "stream" });
    assertEquals([done.status, done.headers.get("location")], [303, "/studio?deleted=stream"]);
  }));

Deno.test("a live stream is not deleted, and the studio's form deletes an ended one", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    await seller.post(`/api/streams/${streamId}/live`);
    const live = await (await seller.request(`/studio/${streamId}`)).text();
    assert(!live.includes("Delete stream"), "no delete button while live");
    const before = await kvSnapshot(app.services.kv);
    const refused = await seller.request(`/api/streams/${streamId}`, { method: "DELETE" });
    assertMatch(await expectError(refused, 409, "stream_live"), /end it before deleting it/);
    // Back to the studio, which says why once: a reload is not the delete sent again.
    const page = await seller.postForm(`/studio/${streamId}`, { delete: "stream" });
    assertEquals([page.status, page.headers.get("location")], [303, `/studio/${streamId}`]);
    const back = async () => await (await seller.request(`/studio/${streamId}`)).text();
    assertMatch(
      await back(),
      /role="alert"[^>]*autofocus[^>]*>This stream is live: end it before deleting it/,
      "the studio says why",
    );
    assert(!(await back()).includes('role="alert"'), "once");
    const stray = await seller.postForm(`/studio/${streamId}`, {});
    assertEquals(stray.status, 303, "a post without the delete button's value deletes nothing");
    assertMatch(await back(), /role="alert"/);
    assertEquals(await kvSnapshot(app.services.kv), before);

    await seller.post(`/api/streams/${streamId}/end`);
    const studio = await (await seller.request(`/studio/${streamId}`)).text();
    assertMatch(studio, /<summary role="button">Delete stream<\/summary>/, "found and pressed as a button");
    assert(!studio.includes("unless you go live"), "an ended stream is not a draft");
    assert(studio.includes("This stream was not recorded, so it has no replay."), "no replay, and why");
    const stranger = await new Client(app).postForm(`/studio/${streamId}`, { delete: "stream" });
    assertEquals([stranger.status, stranger.headers.get("location")], [
      303,
      `/signin?returnTo=${encodeURIComponent(`/studio/${streamId}`)}`,
    ]);
    const done = await seller.postForm(`/studio/${streamId}`, { delete: "stream" });
    assertEquals([done.status, done.headers.get("location")], [303, "/studio?deleted=stream"]);
    assertEquals(await keysNaming(app, streamId), []);
    assertMatch(
      await (await seller.request("/studio?deleted=stream")).text(),
      /role="status">The stream is deleted/,
    );
  }));

Deno.test("a deleted stream's links say so in plain words; its seller's studio link leads back to the studio", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    assertEquals((await seller.request(`/api/streams/${streamId}`, { method: "DELETE" })).status, 204);
    const gone = "This stream doesn't exist, or was deleted.";
    const page = async (client: Client, path: string) => {
      const res = await client.request(path);
      assertEquals(res.status, 404, path);
      return await res.text();
    };
    for (const who of [new Client(app), seller]) {
      const shared = await page(who, `/watch/${streamId}`);
      assert(shared.includes(`<p>${gone}</p>`), shared);
      assert(shared.includes('<a href="/">Back to live streams</a>'));
      assert(!shared.includes("Back to your studio"), "the watch page's 404 is a viewer's");
    }
    const studio = await page(seller, `/studio/${streamId}`);
    assert(studio.includes(`<p>${gone}</p>`));
    assert(studio.includes('<a href="/studio">Back to your studio</a>'), studio);
    assertEquals(
      await expectError(await seller.request(`/api/streams/${streamId}`), 404, "stream_not_found"),
      gone,
    );
  }));

Deno.test("a draft never taken live goes DRAFT_DAYS (30 by default) after it was made; one taken live stays", () =>
  withApp(async (app) => {
    const { seller, streamId: draft } = await sellerWithStream(app);
    const day = new Date(app.clock.now() + 30 * DAY_MS).toLocaleDateString("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    });
    const shown = await (await seller.request(`/studio/${draft}`)).text();
    assert(shown.includes(`this one on ${day} (UTC), unless you go live`), day);
    await say(await viewer(app, draft), draft, "Starting soon?");
    const wentLive = await createStream(seller, "Went live");
    await seller.post(`/api/streams/${wentLive}/live`);
    await seller.post(`/api/streams/${wentLive}/end`);
    // A draft made before drafts were indexed is found too.
    const older = await createStream(seller, "Older");
    const { value: made } = await app.services.kv.get<{ createdAt: string }>(keys.stream(older));
    await app.services.kv.delete(keys.draft(made!.createdAt, older));

    app.clock.advance(10 * DAY_MS);
    const later = await createStream(seller, "Later");
    app.clock.advance(20 * DAY_MS);
    await sweepStreams(app.services);
    assertEquals((await app.services.kv.get(keys.stream(draft))).value !== null, true, "not before its day");

    app.clock.advance(1);
    await sweepStreams(app.services);
    assertEquals(await keysNaming(app, draft), [], "the draft and its chat are gone");
    assertEquals(await keysNaming(app, older), []);
    assertEquals(await status(seller, `/watch/${draft}`), 404);
    for (const kept of [wentLive, later]) assertEquals(await status(seller, `/api/streams/${kept}`), 200);
  }));

Deno.test("a removal cut short is finished by the sweep, a draft's room is closed once LiveKit answers, and the mark goes after a day", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    await say(await viewer(app, streamId), streamId, "Hello");
    // What the request did before its process stopped: the record, and its mark, went in one commit.
    assert(await deleteStream(app.services.kv, streamId, () => true, app.clock.now()));
    assert((await keysNaming(app, streamId)).length > 1, "the chat is still there");
    await sweepStreams(app.services);
    assertEquals(await keysNaming(app, streamId), []);
    assertEquals(app.rooms.closed, [streamId], "its early viewers are let go");

    // With LiveKit down, the deletion happens; only the room's closing waits for the sweep.
    const next = await createStream(seller, "Next");
    app.rooms.down = true;
    assertEquals((await seller.request(`/api/streams/${next}`, { method: "DELETE" })).status, 204);
    assertEquals(await status(seller, `/api/streams/${next}`), 404);
    app.rooms.down = false;
    await sweepStreams(app.services);
    assertEquals(app.rooms.closed.slice(-1), [next]);

    const mark = async (id: string) => (await app.services.kv.get(keys.goneStream(id))).value !== null;
    assert(await mark(next), "kept while writes in flight may still land");
    app.clock.advance(DAY_MS);
    await sweepStreams(app.services);
    assertEquals([await mark(streamId), await mark(next)], [false, false], "gone after a day");
  }));

Deno.test("writes in flight as a stream is deleted: a hold is refused, anything else goes with the next sweep", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId, product, buyer } = await buyerWithCart(app, 1);
    const cart = await app.services.kv.get(keys.cart(streamId, buyer.guest()));
    // A reservation that read the stream before it went, and commits after.
    assertEquals((await seller.request(`/api/streams/${streamId}`, { method: "DELETE" })).status, 204);
    const item = {
      productId: product.id,
      name: "Linen shirt",
      quantity: 1,
      unitPriceMinor: 4900,
      currency: "EUR",
    };
    const late = hold(
      app.services.kv,
      { id: streamId, sellerId },
      { identity: buyer.guest(), name: "Ann" },
      {
        items: [item],
        cart,
      },
      { now: app.clock.now(), ttlMs: 60_000 },
      () => [],
    );
    assertEquals(codeOf(await assertRejects(() => late)), "stream_not_found");
    assertEquals(await getStock(app.services.kv, product.id), 5, "no stock taken for a stream that is gone");

    // A chat line and a cart change that landed after the removal are gone with the next sweep.
    await app.services.kv.set(keys.chat(streamId, "late"), { text: "late" });
    await app.services.kv.set(keys.cart(streamId, buyer.guest()), { items: [] });
    await sweepStreams(app.services);
    assertEquals(await keysNaming(app, streamId), []);
  }));

Deno.test("an index entry of a hold that is gone never holds up the holds due after it", () =>
  withApp(async (app) => {
    const { streamId, product, buyer } = await buyerWithCart(app, 2);
    assertEquals((await buyer.post(`/api/streams/${streamId}/reservations`)).status, 201);
    // Index entries of holds whose records are gone, due before the real one, more than one sweep reads.
    const stale = keys.holdExpiry("2000-01-01T00:00:00.000Z", "gone", "x");
    for (let i = 0; i < 150; i++) await app.services.kv.set([...stale.slice(0, -1), `x${i}`], true);
    app.clock.advance(16 * 60_000);
    await expireDue(app.services);
    await expireDue(app.services);
    assertEquals(await getStock(app.services.kv, product.id), 5, "the real hold expired, its stock back");
    assertEquals((await Array.fromAsync(app.services.kv.list({ prefix: keys.holdExpiries() }))).length, 0);
  }));

Deno.test("going live, or a replay part arriving, as the stream is deleted is a 404, never a 500", () =>
  withApp(async (app) => {
    const { seller, streamId } = await sellerWithStream(app);
    const stream = (await app.services.kv.get<Stream>(keys.stream(streamId))).value!;
    assertEquals((await seller.request(`/api/streams/${streamId}`, { method: "DELETE" })).status, 204);
    const live = await assertRejects(() => goLive(app.services.kv, stream, app.clock.now(), () => []));
    assertEquals(codeOf(live), "stream_not_found");

    const next = await createStream(seller, "Next");
    await seller.post(`/api/streams/${next}/live`);
    const take =
      (await (await seller.post(`/api/streams/${next}/replay`, { type: "video/webm" })).json()).take;
    await seller.post(`/api/streams/${next}/end`);
    const body = async () => {
      // The seller deletes the stream from another tab while this part's body arrives.
      assertEquals((await seller.request(`/api/streams/${next}`, { method: "DELETE" })).status, 204);
      return new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1]);
    };
    const actor = {
      identity: sellerIdentity(stream.sellerId),
      name: "Linen & Co",
      sellerId: stream.sellerId,
      address: "10.0.0.1",
    };
    assertEquals(
      codeOf(await assertRejects(() => addPart(app.services, actor, next, take.id, 0, body))),
      "take_not_found",
    );
  }));

Deno.test("a replay part written as its stream is deleted leaves no file, and the sweep removes any file left", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId } = await sellerWithStream(app);
    await seller.post(`/api/streams/${streamId}/live`);
    const take =
      (await (await seller.post(`/api/streams/${streamId}/replay`, { type: "video/webm" })).json()).take;
    await seller.post(`/api/streams/${streamId}/end`);
    // The seller deletes the stream from another tab after the part's checks, before it is counted.
    const { kv } = app.services;
    const get = kv.get.bind(kv);
    let armed = false;
    kv.get = (async (key: Deno.KvKey) => {
      if (armed && key.join() === keys.take(streamId, take.id).join()) {
        armed = false;
        assertEquals((await seller.request(`/api/streams/${streamId}`, { method: "DELETE" })).status, 204);
      }
      return await get(key);
    }) as typeof kv.get;
    const body = () => {
      armed = true;
      return Promise.resolve(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1]));
    };
    const actor = { identity: sellerIdentity(sellerId), name: "Linen & Co", sellerId, address: "10.0.0.1" };
    assertEquals(
      codeOf(await assertRejects(() => addPart(app.services, actor, streamId, take.id, 0, body))),
      "take_not_found",
    );
    assert(!armed, "the stream was deleted between the part's checks and its count");
    const dataDir = app.services.config.dataDir;
    assertEquals(await filesUnder(dataDir), [], "the part written for the deleted take is gone");

    // A file left by a process that stopped between writing and counting goes with the sweep.
    await Deno.mkdir(`${dataDir}/replays/${streamId}`, { recursive: true });
    await Deno.writeFile(`${dataDir}/replays/${streamId}/${take.id}.webm`, new Uint8Array(10));
    await sweepStreams(app.services);
    assertEquals(await filesUnder(dataDir), []);
  }));

Deno.test("a hold taken while the delete counts the holds stops the delete: no buyer loses a hold they were told of", () =>
  withApp(async (app) => {
    const { streamId, product, buyer } = await buyerWithCart(app, 1);
    const stream = (await app.services.kv.get<Stream>(keys.stream(streamId))).value!;
    const made = await refuseOpenHolds(app.services, stream);
    // Answered before the delete commits.
    assertEquals((await buyer.post(`/api/streams/${streamId}/reservations`)).status, 201);
    assertEquals(await removeStream(app.services, streamId, () => true, made), "changed");
    assert((await app.services.kv.get(keys.stream(streamId))).value, "the stream stays");
    assertEquals(await getStock(app.services.kv, product.id), 4, "and the buyer's hold");
  }));
