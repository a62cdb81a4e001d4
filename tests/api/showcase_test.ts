import type { HighlightMessage, ProductCard } from "@/lib/contract/messages.ts";
import { createProduct } from "@/lib/catalog/store.ts";
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import { Client, createStream, expectError, kvSnapshot, signUp, viewer, withApp } from "./client.ts";
import { keys } from "@/lib/kv/keys.ts";

type App = Parameters<Parameters<typeof withApp>[0]>[0];
const item = (name: string, priceMinor = 4900) => ({
  name,
  description: "",
  priceMinor,
  currency: "EUR",
  buyUrl: null,
  stock: 5,
});

async function shop(app: App) {
  const seller = new Client(app);
  const sellerId = await signUp(seller);
  const streamId = await createStream(seller);
  await seller.post(`/api/streams/${streamId}/live`);
  const products = [];
  for (const name of ["Shirt", "Scarf", "Hat", "Belt"]) {
    products.push(await createProduct(app.services.kv, sellerId, item(name), app.services.clock.now()));
  }
  return { seller, sellerId, streamId, ids: products.map((p) => p.id) };
}

function put(client: Client, path: string, body: unknown): Promise<Response> {
  return client.request(path, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

Deno.test("pins are stored in the seller's order, then sent to the room as answered, with their commit's version; a late viewer reads them", () =>
  withApp(async (app) => {
    const { seller, streamId, ids } = await shop(app);
    await app.forgetSent();
    const order = [ids[2]!, ids[0]!, ids[1]!];
    const res = await put(seller, `/api/streams/${streamId}/pins`, { productIds: order });
    assertEquals(res.status, 200);
    const answer = await res.json();
    assertEquals(answer.products.map((p: { id: string }) => p.id), order);
    await app.settle();
    const sent = app.rooms.sent.filter((s) => s.topic === "pins");
    // The studio orders its answer and the room's messages by the commit they tell of.
    const { version, ...body } = answer;
    assertEquals(sent[0]!.message, body);
    assertEquals(app.rooms.envelopes[app.rooms.sent.indexOf(sent[0]!)]!.version, version);
    assertMatch(version, /^[0-9a-f]{20}$/);
    assertEquals((sent[0]!.message as { products: { name: string }[] }).products.map((p) => p.name), [
      "Hat",
      "Shirt",
      "Scarf",
    ]);
    const late = await (await new Client(app).request(`/api/streams/${streamId}/showcase`)).json();
    assertEquals(late.pins.map((p: { id: string }) => p.id), order);
  }));

Deno.test("highlighting, clearing and a flash sale are stored, then sent with the server's clock", () =>
  withApp(async (app) => {
    const { seller, streamId, ids } = await shop(app);
    await app.forgetSent();
    await put(seller, `/api/streams/${streamId}/highlight`, { productId: ids[1] });
    const started = await seller.post(`/api/streams/${streamId}/sale`, {
      salePriceMinor: 2900,
      durationSeconds: 60,
    });
    assertEquals(started.status, 201);
    const { sale, serverNow } = await started.json();
    const remaining = Date.parse(sale.endsAt) - Date.parse(serverNow);
    assertEquals(
      remaining > 58_000 && remaining <= 60_000,
      true,
      `the sale ends 60 s after it starts (${remaining} ms)`,
    );
    await put(seller, `/api/streams/${streamId}/highlight`, { productId: null });
    await app.settle();
    const sent = app.rooms.sent.filter((s) => s.topic === "highlight").map((s) =>
      s.message as HighlightMessage
    );
    assertEquals(sent.map((m) => [m.product?.name ?? null, m.sale?.salePriceMinor ?? null]), [
      ["Scarf", null],
      ["Scarf", 2900],
      [null, null],
    ]);
    assertEquals(
      (await (await new Client(app).request(`/api/streams/${streamId}/showcase`)).json()).highlight,
      null,
    );
  }));

Deno.test("the seller ends a running flash sale early: stored and sent in one commit, and a late viewer reads the list price", () =>
  withApp(async (app) => {
    const { seller, streamId, ids } = await shop(app);
    await put(seller, `/api/streams/${streamId}/highlight`, { productId: ids[1] });
    await seller.post(`/api/streams/${streamId}/sale`, { salePriceMinor: 2900, durationSeconds: 600 });
    await app.forgetSent();
    const res = await seller.request(`/api/streams/${streamId}/sale`, { method: "DELETE" });
    assertEquals(res.status, 200);
    const answer = await res.json();
    assertEquals([answer.highlight.name, answer.sale], ["Scarf", null]);
    await app.settle();
    const told = app.rooms.sent.findIndex((s) => s.topic === "highlight");
    const message = app.rooms.sent[told]!.message as HighlightMessage;
    assertEquals([message.product?.name, message.sale], ["Scarf", null]);
    // Viewers order it by its commit: the studio's answer and the room's word tell of the same one.
    assertEquals(app.rooms.envelopes[told]!.version, answer.version);
    const late = await (await new Client(app).request(`/api/streams/${streamId}/showcase`)).json();
    assertEquals([late.highlight.priceMinor, late.sale], [4900, null]);
    const buyer = await viewer(app, streamId);
    await buyer.post(`/api/streams/${streamId}/cart/items`, { productId: ids[1], quantity: 1 });
    const { cart } = await (await buyer.request(`/api/streams/${streamId}/cart`)).json();
    assertEquals(cart.items[0].unitPriceMinor, 4900, "reserved at the list price");
  }));

// Two changes at once (End sale in one tab, a new highlight in another): each message is
// made from what its commit found, so the room's last word is what is stored.
Deno.test("the room's last word on the showcase is what is stored, however a sale's end and a highlight race", () =>
  withApp(async (app) => {
    const { seller, streamId, ids } = await shop(app);
    const showcase = `/api/streams/${streamId}`;
    for (let round = 0; round < 12; round++) {
      await put(seller, `${showcase}/highlight`, { productId: ids[0] });
      assertEquals(
        (await seller.post(`${showcase}/sale`, { salePriceMinor: 100, durationSeconds: 60 })).status,
        201,
      );
      await app.settle();
      await app.forgetSent();
      const [ended, highlighted, started] = await Promise.all([
        seller.request(`${showcase}/sale`, { method: "DELETE" }),
        put(seller, `${showcase}/highlight`, { productId: ids[1] }),
        seller.post(`${showcase}/sale`, { salePriceMinor: 200, durationSeconds: 60 }),
      ]);
      // Each may be refused as no longer applying, never answered with what was not stored.
      for (const res of [ended, highlighted, started]) {
        assert([200, 201, 409].includes(res.status), `${res.status}`);
      }
      await app.settle();
      const told = app.rooms.sent.map((s, i) => ({ ...s, version: app.rooms.envelopes[i]!.version! }))
        .filter((s) => s.topic === "highlight").sort((a, b) => a.version < b.version ? -1 : 1).at(-1)!;
      const last = told.message as HighlightMessage;
      const stored = await (await new Client(app).request(`${showcase}/showcase`)).json();
      assertEquals([last.product?.id, last.sale], [stored.highlight?.id, stored.sale], `round ${round}`);
    }
  }));

Deno.test("ending a flash sale: only the stream's seller, only while one runs, only while the stream is open", (t) =>
  withApp(async (app) => {
    const { seller, streamId, ids } = await shop(app);
    const end = (who: Client, id = streamId) => who.request(`/api/streams/${id}/sale`, { method: "DELETE" });
    await put(seller, `/api/streams/${streamId}/highlight`, { productId: ids[0] });
    await t.step("no sale ever started", async () => {
      assertMatch(await expectError(await end(seller), 409, "no_sale"), /No flash sale is running/);
    });
    await seller.post(`/api/streams/${streamId}/sale`, { salePriceMinor: 2900, durationSeconds: 60 });
    await t.step("a viewer or another seller: 403, and nothing changes or is said", async () => {
      const rival = new Client(app);
      await signUp(rival, "rival@example.com", "Rival");
      await app.forgetSent();
      const before = await kvSnapshot(app.services.kv);
      for (const who of [new Client(app), rival]) await expectError(await end(who), 403, "not_stream_owner");
      assertEquals(await kvSnapshot(app.services.kv), before);
      await app.settle();
      assertEquals(app.rooms.sent, []);
    });
    await t.step("a stream that does not exist: 404", async () => {
      await expectError(await end(seller, "nope"), 404, "stream_not_found");
    });
    await t.step("a body: 400, and the sale runs on", async () => {
      const res = await seller.request(`/api/streams/${streamId}/sale`, {
        method: "DELETE",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ now: true }),
      });
      await expectError(res, 400, "invalid_input");
      assert((await (await new Client(app).request(`/api/streams/${streamId}/showcase`)).json()).sale);
    });
    await t.step("a sale that has run out, or ended with its highlight: 409", async () => {
      app.clock.advance(60_001);
      await expectError(await end(seller), 409, "no_sale");
      await seller.post(`/api/streams/${streamId}/sale`, { salePriceMinor: 2900, durationSeconds: 60 });
      await put(seller, `/api/streams/${streamId}/highlight`, { productId: ids[1] });
      await expectError(await end(seller), 409, "no_sale");
    });
    await t.step("an ended stream: 409, as for every showcase change", async () => {
      await put(seller, `/api/streams/${streamId}/highlight`, { productId: ids[0] });
      await seller.post(`/api/streams/${streamId}/sale`, { salePriceMinor: 2900, durationSeconds: 60 });
      await seller.post(`/api/streams/${streamId}/end`);
      await expectError(await end(seller), 409, "stream_ended");
    });
  }));

// A viewer's fetch may be read while a change is being made: the change's message was made
// before the read, and committed after it. Versions order the two where clocks cannot.
Deno.test("a showcase read holds the version of the last change in it: a change's message is later than a read without it", () =>
  withApp(async (app) => {
    const { seller, streamId, ids } = await shop(app);
    const read =
      async () => (await (await new Client(app).request(`/api/streams/${streamId}/showcase`)).json());
    const before = await read();
    await app.forgetSent();
    const answer = await (await put(seller, `/api/streams/${streamId}/highlight`, { productId: ids[1] }))
      .json();
    await app.settle();
    const told = app.rooms.sent.findIndex((s) => s.topic === "highlight");
    const { version } = app.rooms.envelopes[told]!;
    assertEquals(version, answer.version);
    assert(version && before.version < version, "a read before the change is older than its message");
    const after = await read();
    assertEquals(after.highlight.name, "Scarf");
    assert(after.version >= version, "a read that holds the change is not older than its message");
  }));

Deno.test("a flash sale ends with its stream: the ended stream's pages show no countdown", () =>
  withApp(async (app) => {
    const { seller, streamId, ids } = await shop(app);
    await put(seller, `/api/streams/${streamId}/highlight`, { productId: ids[1] });
    await seller.post(`/api/streams/${streamId}/sale`, { salePriceMinor: 2900, durationSeconds: 60 });
    const countdowns = async () =>
      await Promise.all([new Client(app).request(`/watch/${streamId}`), seller.request(`/studio/${streamId}`)]
        .map(async (page) => (await (await page).text()).includes("Sale ends in")));
    assertEquals(await countdowns(), [true, true]);
    assertEquals((await seller.post(`/api/streams/${streamId}/end`)).status, 200);
    assertEquals(await countdowns(), [false, false]);
  }));

Deno.test("a product on a running flash sale keeps its price and currency until the sale is over", () =>
  withApp(async (app) => {
    const { seller, streamId, ids } = await shop(app);
    await put(seller, `/api/streams/${streamId}/highlight`, { productId: ids[1] });
    await seller.post(`/api/streams/${streamId}/sale`, { salePriceMinor: 2900, durationSeconds: 60 });
    const edit = (body: unknown) =>
      seller.request(`/api/products/${ids[1]}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const before = await kvSnapshot(app.services.kv);
    // Below the sale's price, the sale would cost more than the product; in yen, 2900 means ¥2,900.
    for (const change of [{ priceMinor: 1000 }, { currency: "JPY" }, { priceMinor: 1000, name: "Scarf" }]) {
      await expectError(await edit(change), 409, "on_sale");
    }
    assertEquals(await kvSnapshot(app.services.kv), before, "nothing changed");
    assertEquals((await edit({ name: "Wool scarf", priceMinor: 4900 })).status, 200, "the rest may change");
    app.clock.advance(60_001);
    assertEquals((await edit({ priceMinor: 1000 })).status, 200, "once the sale is over");
  }));

// A sale priced in one tab as the price drops in another: each commit finds the other's
// key unchanged or reads again, so a sale never costs more than its product.
Deno.test("a flash sale and a price change racing: one of the two is refused, and no sale costs more than its product", () =>
  withApp(async (app) => {
    const { seller, streamId, ids } = await shop(app);
    const showcase = `/api/streams/${streamId}`;
    const edit = (priceMinor: number) =>
      seller.request(`/api/products/${ids[0]}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ priceMinor }),
      });
    for (let round = 0; round < 12; round++) {
      assertEquals((await edit(1000)).status, 200, `round ${round}`);
      await put(seller, `${showcase}/highlight`, { productId: ids[0] });
      const [started, repriced] = await Promise.all([
        seller.post(`${showcase}/sale`, { salePriceMinor: 900, durationSeconds: 60 }),
        edit(500),
      ]);
      assertEquals([started.status, repriced.status].filter((s) => s < 300).length, 1, `round ${round}`);
      const stored = await (await new Client(app).request(`${showcase}/showcase`)).json();
      assert(!stored.sale || stored.sale.salePriceMinor < stored.highlight.priceMinor, `round ${round}`);
    }
  }));

Deno.test("a flash sale on a product deleted since has ended: End sale says none runs", () =>
  withApp(async (app) => {
    const { seller, streamId, ids } = await shop(app);
    await put(seller, `/api/streams/${streamId}/highlight`, { productId: ids[1] });
    await seller.post(`/api/streams/${streamId}/sale`, { salePriceMinor: 2900, durationSeconds: 60 });
    assertEquals((await seller.request(`/api/products/${ids[1]}`, { method: "DELETE" })).status, 204);
    const res = await seller.request(`/api/streams/${streamId}/sale`, { method: "DELETE" });
    assertMatch(await expectError(res, 409, "no_sale"), /No flash sale is running/);
  }));

Deno.test("a flash sale ends with its highlight: highlighted again after a price change, the product is not on sale", () =>
  withApp(async (app) => {
    const { seller, streamId, ids } = await shop(app);
    const highlight = (productId: string | null) =>
      put(seller, `/api/streams/${streamId}/highlight`, { productId });
    await highlight(ids[1]!);
    await seller.post(`/api/streams/${streamId}/sale`, { salePriceMinor: 2900, durationSeconds: 600 });
    await highlight(null);
    const repriced = await seller.request(`/api/products/${ids[1]}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ priceMinor: 1000, currency: "USD" }),
    });
    assertEquals(repriced.status, 200);
    const back = await (await highlight(ids[1]!)).json();
    assertEquals([back.highlight.priceMinor, back.highlight.currency, back.sale], [1000, "USD", null]);
    const buyer = await viewer(app, streamId);
    await buyer.post(`/api/streams/${streamId}/cart/items`, { productId: ids[1], quantity: 1 });
    const { cart } = await (await buyer.request(`/api/streams/${streamId}/cart`)).json();
    assertEquals(cart.items[0].unitPriceMinor, 1000, "the list price, not the old sale's");
  }));

Deno.test("a flash sale on a sold-out product is refused (409, in words), nothing stored or said; pinning and highlighting it are not", () =>
  withApp(async (app) => {
    const { seller, sellerId, streamId } = await shop(app);
    const { kv } = app.services;
    const bowl = await createProduct(
      kv,
      sellerId,
      { ...item("Tea bowl"), stock: 0 },
      app.services.clock.now(),
    );
    const base = `/api/streams/${streamId}`;
    assertEquals((await put(seller, `${base}/pins`, { productIds: [bowl.id] })).status, 200);
    const highlighted = await put(seller, `${base}/highlight`, { productId: bowl.id });
    assertEquals([highlighted.status, (await highlighted.json()).highlight.stock], [200, 0]);
    await app.settle();
    await app.forgetSent();
    const before = await kvSnapshot(kv);
    const res = await seller.post(`${base}/sale`, { salePriceMinor: 2900, durationSeconds: 60 });
    assertEquals(
      await expectError(res, 409, "sold_out"),
      "Tea bowl is sold out: add stock before starting a sale",
    );
    assertEquals(await kvSnapshot(kv), before, "nothing stored");
    await app.settle();
    assertEquals(app.rooms.sent, [], "nothing said");
    // Restocked, it may go on sale.
    const restocked = await seller.request(`/api/products/${bowl.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ stock: 3 }),
    });
    assertEquals(restocked.status, 200);
    assertEquals(
      (await seller.post(`${base}/sale`, { salePriceMinor: 2900, durationSeconds: 60 })).status,
      201,
    );
  }));

Deno.test("a viewer or another seller calling pin, highlight or sale gets 403 and nothing changes", () =>
  withApp(async (app) => {
    const { seller, streamId, ids } = await shop(app);
    await put(seller, `/api/streams/${streamId}/highlight`, { productId: ids[0] });
    const rival = new Client(app);
    await signUp(rival, "rival@example.com", "Rival");
    await app.forgetSent();
    const before = await kvSnapshot(app.services.kv);
    for (const who of [new Client(app), rival]) {
      await expectError(
        await put(who, `/api/streams/${streamId}/pins`, { productIds: [ids[0]] }),
        403,
        "not_stream_owner",
      );
      await expectError(
        await put(who, `/api/streams/${streamId}/highlight`, { productId: ids[1] }),
        403,
        "not_stream_owner",
      );
      await expectError(
        await who.post(`/api/streams/${streamId}/sale`, { salePriceMinor: 1, durationSeconds: 60 }),
        403,
        "not_stream_owner",
      );
    }
    assertEquals(await kvSnapshot(app.services.kv), before);
    await app.settle();
    assertEquals(app.rooms.sent, [], "nothing is announced");
  }));

Deno.test("bad showcase input is a clear 4xx and changes nothing", (t) =>
  withApp(async (app) => {
    const { seller, streamId, ids } = await shop(app);
    const rival = new Client(app);
    const rivalId = await signUp(rival, "rival@example.com", "Rival");
    const theirs = await createProduct(app.services.kv, rivalId, item("Not yours"), app.services.clock.now());
    const before = await kvSnapshot(app.services.kv);
    const pins = (productIds: unknown) => put(seller, `/api/streams/${streamId}/pins`, { productIds });
    const cases: [string, () => Promise<Response>, number, string, RegExp][] = [
      ["seven pins", () => pins([...ids, ...ids.slice(0, 3)]), 400, "invalid_input", /At most 6/],
      ["a product pinned twice", () => pins([ids[0], ids[0]]), 400, "invalid_input", /pinned once/],
      ["a missing product", () => pins(["nope"]), 404, "product_not_found", /no longer in the shop/],
      ["another seller's product", () => pins([theirs.id]), 403, "not_product_owner", /Only the seller/],
      [
        "a sale with nothing highlighted",
        () => seller.post(`/api/streams/${streamId}/sale`, { salePriceMinor: 100, durationSeconds: 60 }),
        409,
        "nothing_highlighted",
        /Highlight a product/,
      ],
      [
        "a sale for nothing",
        () => seller.post(`/api/streams/${streamId}/sale`, { salePriceMinor: 0, durationSeconds: 60 }),
        400,
        "invalid_input",
        /more than zero/,
      ],
      [
        "a 5-second sale",
        () => seller.post(`/api/streams/${streamId}/sale`, { salePriceMinor: 100, durationSeconds: 5 }),
        400,
        "invalid_input",
        /at least 10 seconds/,
      ],
      [
        "a 1201-second sale",
        () => seller.post(`/api/streams/${streamId}/sale`, { salePriceMinor: 100, durationSeconds: 1201 }),
        400,
        "invalid_input",
        /at most 20 minutes/,
      ],
    ];
    for (const [what, send, status, code, message] of cases) {
      await t.step(what, async () => {
        assertMatch(await expectError(await send(), status, code), message);
        assertEquals(await kvSnapshot(app.services.kv), before);
      });
    }
    await t.step("a sale price not below the list price", async () => {
      await put(seller, `/api/streams/${streamId}/highlight`, { productId: ids[0] });
      const highlighted = await kvSnapshot(app.services.kv);
      const res = await seller.post(`/api/streams/${streamId}/sale`, {
        salePriceMinor: 4900,
        durationSeconds: 60,
      });
      assertMatch(await expectError(res, 400, "invalid_input"), /below the list price/);
      assertEquals(await kvSnapshot(app.services.kv), highlighted);
    });
  }));

Deno.test("while LiveKit is down, changes are stored and answered, then delivered in order, once, when it is back", () =>
  withApp(async (app) => {
    const { seller, streamId, ids } = await shop(app);
    const guest = await viewer(app, streamId);
    const studio = { identity: "seller-studio~hone", sid: "PA_studio" };
    await app.services.kv.set(keys.hostConnections(streamId), [studio]);
    await app.forgetSent();
    app.rooms.down = true;
    const errors: string[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(" "));
    try {
      assertEquals(
        (await put(seller, `/api/streams/${streamId}/pins`, { productIds: [ids[0]] })).status,
        200,
      );
      assertEquals(
        (await put(seller, `/api/streams/${streamId}/highlight`, { productId: ids[0] })).status,
        200,
      );
      assertEquals((await guest.post(`/api/streams/${streamId}/like`)).status, 200);
      assertEquals((await guest.post(`/api/streams/${streamId}/chat`, { text: "hello" })).status, 201);
      await guest.post(`/api/streams/${streamId}/cart/items`, { productId: ids[0], quantity: 1 });
      assertEquals((await guest.post(`/api/streams/${streamId}/reservations`)).status, 201);
      assertEquals(await app.services.outbox.flush(300), false, "nothing can be delivered yet");
    } finally {
      console.error = consoleError;
    }
    assertEquals(app.rooms.sent, []);
    assert(errors.some((e) => e.includes(streamId) && e.includes("ECONNREFUSED")), "the wait is logged");
    // What viewers fetch meanwhile.
    const showcase = await (await guest.request(`/api/streams/${streamId}/showcase`)).json();
    assertEquals([showcase.pins[0].id, showcase.highlight.id, showcase.highlight.stock], [ids[0], ids[0], 4]);

    app.rooms.down = false;
    await app.settle();
    assertEquals(app.rooms.sent.map((s) => [s.topic, s.to]), [
      ["pins", undefined],
      ["highlight", undefined],
      ["likes", undefined],
      ["chat", undefined],
      ["stock", undefined],
      ["reservation", [studio.identity]],
    ]);
    const seqs = app.rooms.envelopes.map((e) => e.seq);
    assertEquals(seqs.slice(0, 5), [1, 2, 3, 4, 5].map((n) => n + seqs[0]! - 1), "in order, without gaps");
    await app.settle();
    assertEquals(app.rooms.sent.length, 6, "once");
  }));

Deno.test("changing or deleting a product on show in an open stream tells viewers to refetch; any product added, changed or deleted tells the seller's studios", () =>
  withApp(async (app) => {
    const { seller, streamId, ids } = await shop(app);
    await put(seller, `/api/streams/${streamId}/pins`, { productIds: [ids[0], ids[1]] });
    await put(seller, `/api/streams/${streamId}/highlight`, { productId: ids[0] });
    // Viewers may wait on a stream that is not live yet; an ended one has nobody to tell.
    const upcoming = await createStream(seller, "Next week");
    await put(seller, `/api/streams/${upcoming}/pins`, { productIds: [ids[0]] });
    const ended = await createStream(seller, "Last week");
    await put(seller, `/api/streams/${ended}/pins`, { productIds: [ids[0]] });
    await seller.post(`/api/streams/${ended}/end`);
    // The live stream's studio: where news for the seller's studios alone goes.
    const studio = { identity: "seller-studio~hone", sid: "PA_studio" };
    await app.services.kv.set(keys.hostConnections(streamId), [studio]);
    const patch = (id: string, body: unknown) =>
      seller.request(`/api/products/${id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const told = async () => {
      await app.settle();
      return app.rooms.sent.splice(0).map(({ streamId, message, to }) => [streamId, message, to ?? "all"])
        .sort();
    };
    const refetch = { v: 1, type: "changed", what: "showcase" };
    const showcase = async () =>
      await (await new Client(app).request(`/api/streams/${streamId}/showcase`)).json();

    await told();
    assertEquals((await patch(ids[0]!, { priceMinor: 3900, stock: 9 })).status, 200);
    assertEquals(await told(), [[streamId, refetch, "all"], [upcoming, refetch, "all"]].sort());
    const fetched = await showcase();
    assertEquals(
      fetched.pins.map((p: ProductCard) => [p.id, p.priceMinor, p.stock]),
      [[ids[0], 3900, 9], [ids[1], 4900, 5]],
    );
    assertEquals([fetched.highlight.priceMinor, fetched.highlight.stock], [3900, 9]);

    // Not on show in the stream that is not live yet: its studio (none open) alone is told.
    assertEquals((await seller.request(`/api/products/${ids[1]}`, { method: "DELETE" })).status, 204);
    assertEquals(await told(), [[streamId, refetch, "all"]]);
    assertEquals((await showcase()).pins.map((p: ProductCard) => p.id), [ids[0]]);

    // Shown nowhere: only the studio, whose catalog lists it.
    const toStudio = [[streamId, refetch, [studio.identity]]];
    assertEquals((await patch(ids[3]!, { name: "Wide belt" })).status, 200);
    assertEquals(await told(), toStudio);
    assertEquals((await seller.request(`/api/products/${ids[3]}`, { method: "DELETE" })).status, 204);
    assertEquals(await told(), toStudio);
    const added = await seller.post("/api/products", { ...item("Cotton socks"), buyUrl: undefined });
    assertEquals(added.status, 201);
    assertEquals(await told(), toStudio);
  }));
